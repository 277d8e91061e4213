package dev.pitstop.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitstop.control.LocalControl;
import dev.pitstop.core.Engine;
import dev.pitstop.core.Pitstop;
import dev.pitstop.core.store.StackInspector;
import dev.pitstop.drill.DrillReport.PhaseResult;
import dev.pitstop.drill.DrillReport.StepResult;
import dev.pitstop.drill.host.Supervisor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every phase against a real stack: a real nats-server as a managed binary, real dependents, a real JetStream. */
class DrillEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void everyPhasePassesOnAHealthyStack() throws Exception {
        Path file = NatsStack.write(dir);
        var builder = Pitstop.builder().home(dir.resolve("home")).shutdownHook(false);
        StackInspector inspector = builder.injector().getInstance(StackInspector.class);
        Engine engine = builder.open(file);
        DrillReport report;
        try {
            engine.up();
            engine.awaitReady(Duration.ofSeconds(30));
            report = new Drill(new LocalControl(engine), engine.stack(), Supervisor.thisProcess(), inspector,
                    DrillListener.NONE).run(new DrillOptions(EnumSet.allOf(Phase.class), 2, Duration.ofSeconds(20)));
        } finally {
            engine.down();
            engine.close();
        }

        assertThat(failures(report)).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report.phases()).extracting(PhaseResult::name)
                .containsExactly("before", "single", "parallel", "cascade", "rapid", "failure", "integrity", "after");
        assertThat(steps(report, "single")).containsExactly("reload nats", "reload follower", "reload steady");
        assertThat(steps(report, "failure")).containsExactly("nats: truncated", "nats: not executable",
                "nats: wrong CPU architecture", "nats: exits at once", "nats: never ready");
        StepResult single = phase(report, "single").steps().get(0);
        assertThat(single.facts()).containsKeys("old_pid", "new_pid", "sha256_before", "sha256_after", "ready_ms");
        assertThat(single.checks()).extracting(DrillReport.Check::name).contains("runs the current version of nats");
        assertThat(report.figures().get("integrity")).containsEntry("lost", 0L).containsEntry("duplicated", 0L);
        assertThat((Long) report.figures().get("integrity").get("acked")).isPositive();
        assertThat(report.verifyBefore().ok()).isTrue();
        assertThat(report.verifyAfter().ok()).isTrue();
        assertThat(report.snapshotDiff()).anyMatch(l -> l.startsWith("nats: restarted"));
    }

    static List<String> failures(DrillReport r) {
        return r.phases().stream().flatMap(p -> p.steps().stream().flatMap(s -> s.checks().stream()
                .filter(c -> !c.ok()).map(c -> p.name() + " / " + s.name() + " / " + c.name() + ": " + c.detail())))
                .collect(Collectors.toList());
    }

    static PhaseResult phase(DrillReport r, String name) {
        return r.phases().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    static List<String> steps(DrillReport r, String phase) {
        return phase(r, phase).steps().stream().map(StepResult::name).toList();
    }
}
