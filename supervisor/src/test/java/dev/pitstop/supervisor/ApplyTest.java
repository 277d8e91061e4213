package dev.pitstop.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitstop.core.process.ApplyResult;
import dev.pitstop.core.process.ProcessStatus;
import org.junit.jupiter.api.Test;

class ApplyTest extends SupervisorHarness {

    @Test
    void applyStopsRemovedStartsAddedAndRestartsOnlyChangedProcesses() {
        up(sh("keep", "sleep 1000").build(), sh("change", "sleep 1000").build(), sh("drop", "sleep 1000").build());
        long keep = awaitRunning("keep").pid();
        long change = awaitRunning("change").pid();
        long drop = awaitRunning("drop").pid();

        ApplyResult result = supervisor.apply(stack(sh("keep", "sleep 1000").build(),
                sh("change", "sleep 1001").build(), sh("add", "sleep 1000").build()));

        assertThat(result.started()).containsExactly("add");
        assertThat(result.stopped()).containsExactly("drop");
        assertThat(result.restarted()).containsExactly("change");
        assertThat(result.unchanged()).containsExactly("keep");
        assertThat(awaitRunning("add").pid()).isPositive();
        assertThat(awaitRunning("change").pid()).isNotEqualTo(change);
        assertThat(supervisor.status("keep").pid()).isEqualTo(keep);
        assertThat(supervisor.ps()).extracting(ProcessStatus::name).containsExactly("keep", "change", "add");
        assertThat(ProcessHandle.of(drop).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }
}
