package dev.pitstop.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.core.Engine;
import dev.pitstop.core.InstallRequest;
import dev.pitstop.core.SwapFailedException;
import dev.pitstop.core.event.EventType;
import dev.pitstop.core.store.HistoryEntry;
import dev.pitstop.core.store.Outcome;
import dev.pitstop.core.trust.Evidence;
import dev.pitstop.testkit.ProcessLeaks;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 C13: a process's {@code preflight:} runs against the new binary before the old process is stopped; a
 * failing one refuses the release with no outage, and the result is kept in the manifest's history.
 */
class PreflightTest {
    private static final String CHECKED = """
            if [ "$1" = --check ]; then %s; fi
            exec sleep %d
            """;

    @TempDir
    Path tempDir;

    @Test
    void aFailingPreflightRefusesTheReleaseWithoutStoppingTheOldProcess() throws Exception {
        try (ScriptStack stack = stack(5)) {
            Engine engine = stack.up();
            long before = stack.awaitRunning("svc");
            Path broken = stack.script("broken", CHECKED.formatted("echo 'config invalid: port' >&2; exit 3", 1003));

            assertThatThrownBy(() -> engine.install(InstallRequest.of("svc", broken).version("broken")))
                    .isInstanceOf(SwapFailedException.class).hasMessageContaining("config invalid: port");

            assertThat(stack.pid("svc")).as("never stopped").isEqualTo(before);
            assertThat(stack.events(EventType.RELOAD_STARTED, "svc")).isEmpty();
            HistoryEntry bad = engine.manifest().binary("svc").orElseThrow().history().get(0);
            assertThat(bad.outcome()).isEqualTo(Outcome.BAD);
            assertThat(bad.reason()).contains("preflight `").contains("exited 3").contains("config invalid: port");
        }
    }

    @Test
    void aPassingPreflightIsRecordedWithTheVersion() throws Exception {
        try (ScriptStack stack = stack(5)) {
            Engine engine = stack.up();
            stack.awaitRunning("svc");
            Path good = stack.script("good", CHECKED.formatted("echo 'config ok'; exit 0", 1002));

            engine.install(InstallRequest.of("svc", good).version("good")).reloads().forEach(r -> stack.track(r.newPid()));

            stack.awaitCommandLine("svc", "sleep 1002");
            assertThat(engine.manifest().current("svc").orElseThrow().evidence())
                    .filteredOn(e -> e.kind().equals("preflight")).singleElement().extracting(Evidence::detail)
                    .satisfies(d -> assertThat(d).contains("exited 0").endsWith("config ok"));
        }
    }

    @Test
    void aPreflightThatHangsIsKilledAtTheReloadTimeout() throws Exception {
        try (ScriptStack stack = stack(1)) {
            Engine engine = stack.up();
            long before = stack.awaitRunning("svc");
            // unique to this run: other builds on the machine may run this test at the same time
            String marker = "sleep 1004." + ProcessHandle.current().pid();
            Path hangs = stack.script("hangs", CHECKED.formatted("exec " + marker, 1005));

            assertThatThrownBy(() -> engine.install(InstallRequest.of("svc", hangs).version("hangs")))
                    .isInstanceOf(SwapFailedException.class).hasMessageContaining("did not finish within");
            assertThat(stack.pid("svc")).isEqualTo(before);
            assertThat(ProcessLeaks.snapshot()).extracting(ProcessLeaks.ProcInfo::command).doesNotContain(marker);
        }
    }

    private ScriptStack stack(int reloadTimeoutSeconds) throws Exception {
        ScriptStack stack = new ScriptStack(tempDir, """
                binaries:
                  svc: { file: ./incoming/svc }
                processes:
                  svc:
                    command: "${bin:svc}"
                    preflight: "${bin:svc} --check"
                    reload_timeout_seconds: %d
                """.formatted(reloadTimeoutSeconds));
        stack.deploy("incoming/svc", CHECKED.formatted("exit 0", 1001));
        return stack;
    }
}
