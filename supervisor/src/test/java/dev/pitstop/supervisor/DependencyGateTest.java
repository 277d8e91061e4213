package dev.pitstop.supervisor;

import static dev.pitstop.core.stack.DependencyCondition.PROCESS_COMPLETED;
import static dev.pitstop.core.stack.DependencyCondition.PROCESS_COMPLETED_SUCCESSFULLY;
import static dev.pitstop.core.stack.DependencyCondition.PROCESS_HEALTHY;
import static dev.pitstop.core.stack.DependencyCondition.PROCESS_LOG_READY;
import static dev.pitstop.core.stack.DependencyCondition.PROCESS_STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pitstop.core.process.ProcessState;
import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.supervisor.DependencyGate.Verdict;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyGateTest {
    private static final Facts PENDING = new Facts(ProcessState.PENDING, false, false, false, null, false);
    private static final Facts RUNNING = new Facts(ProcessState.RUNNING, true, false, false, null, false);
    private static final Facts READY = new Facts(ProcessState.RUNNING, true, true, true, null, false);
    private static final Facts DONE = new Facts(ProcessState.COMPLETED, true, false, false, 0, true);
    private static final Facts FAILED = new Facts(ProcessState.ERROR, true, false, false, 1, false);
    private static final Facts NOT_STARTABLE = new Facts(ProcessState.ERROR, false, false, false, null, false);
    private static final Facts SKIPPED = new Facts(ProcessState.SKIPPED, false, false, false, null, false);
    private static final Facts RESTARTING = new Facts(ProcessState.RESTARTING, true, false, false, 1, false);

    @Test
    void processStarted() {
        assertThat(DependencyGate.check(PROCESS_STARTED, PENDING)).isEqualTo(Verdict.WAIT);
        assertThat(DependencyGate.check(PROCESS_STARTED, RUNNING)).isEqualTo(Verdict.START);
        assertThat(DependencyGate.check(PROCESS_STARTED, FAILED)).isEqualTo(Verdict.START);
        assertThat(DependencyGate.check(PROCESS_STARTED, NOT_STARTABLE)).isEqualTo(Verdict.NEVER);
        assertThat(DependencyGate.check(PROCESS_STARTED, SKIPPED)).isEqualTo(Verdict.NEVER);
    }

    @Test
    void processCompletedAndCompletedSuccessfully() {
        assertThat(DependencyGate.check(PROCESS_COMPLETED, RUNNING)).isEqualTo(Verdict.WAIT);
        assertThat(DependencyGate.check(PROCESS_COMPLETED, RESTARTING)).isEqualTo(Verdict.WAIT);
        assertThat(DependencyGate.check(PROCESS_COMPLETED, FAILED)).isEqualTo(Verdict.START);
        assertThat(DependencyGate.check(PROCESS_COMPLETED, NOT_STARTABLE)).isEqualTo(Verdict.NEVER);
        assertThat(DependencyGate.check(PROCESS_COMPLETED_SUCCESSFULLY, DONE)).isEqualTo(Verdict.START);
        assertThat(DependencyGate.check(PROCESS_COMPLETED_SUCCESSFULLY, FAILED)).isEqualTo(Verdict.NEVER);
        assertThat(DependencyGate.check(PROCESS_COMPLETED_SUCCESSFULLY, RESTARTING)).isEqualTo(Verdict.WAIT);
    }

    @Test
    void processHealthyAndLogReady() {
        assertThat(DependencyGate.check(PROCESS_HEALTHY, RUNNING)).isEqualTo(Verdict.WAIT);
        assertThat(DependencyGate.check(PROCESS_HEALTHY, READY)).isEqualTo(Verdict.START);
        assertThat(DependencyGate.check(PROCESS_HEALTHY, DONE)).isEqualTo(Verdict.NEVER);
        assertThat(DependencyGate.check(PROCESS_LOG_READY, RUNNING)).isEqualTo(Verdict.WAIT);
        assertThat(DependencyGate.check(PROCESS_LOG_READY, READY)).isEqualTo(Verdict.START);
        assertThat(DependencyGate.check(PROCESS_LOG_READY, FAILED)).isEqualTo(Verdict.NEVER);
    }

    @Test
    void allConditionsMustHoldAndOneImpossibleOneSkips() {
        ProcessSpec spec = ProcessSpec.builder("app").command("true").dependsOn("db", PROCESS_HEALTHY)
                .dependsOn("migrate", PROCESS_COMPLETED_SUCCESSFULLY).build();
        assertThat(DependencyGate.decide(spec, Map.of("db", READY, "migrate", RUNNING)::get).verdict())
                .isEqualTo(Verdict.WAIT);
        assertThat(DependencyGate.decide(spec, Map.of("db", READY, "migrate", DONE)::get).verdict())
                .isEqualTo(Verdict.START);
        DependencyGate.Decision never = DependencyGate.decide(spec, Map.of("db", RUNNING, "migrate", FAILED)::get);
        assertThat(never.verdict()).isEqualTo(Verdict.NEVER);
        assertThat(never.reason()).isEqualTo("migrate can never be process_completed_successfully (it is Error, exit code 1)");
        assertThat(DependencyGate.decide(spec, Map.of("db", READY)::get).reason())
                .isEqualTo("depends on unknown process migrate");
    }
}
