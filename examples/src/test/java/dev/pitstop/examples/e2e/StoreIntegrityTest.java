package dev.pitstop.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pitstop.core.Engine;
import dev.pitstop.core.InstallRequest;
import dev.pitstop.core.PitstopException;
import dev.pitstop.core.RollbackRequest;
import dev.pitstop.core.SwapFailedException;
import dev.pitstop.core.event.EventType;
import dev.pitstop.core.process.ProcessState;
import dev.pitstop.core.store.VerifyReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 B6: a store file whose bytes changed after it was stored is never started, by up, restart, reload or
 * rollback; {@code verify} also checks the {@code .pitstop/bin} links. Which script runs is told by its
 * command line ({@code sleep 1001} or {@code sleep 1002}).
 */
class StoreIntegrityTest {
    @TempDir
    Path tempDir;

    @Test
    void restartAndReloadOfATamperedStoreFileAreRefused() throws Exception {
        try (ScriptStack stack = stack()) {
            Engine engine = stack.up();
            stack.awaitRunning("svc");

            tamper(storeFile(stack));

            engine.restart("svc");
            awaitRefused(stack);
            assertThatThrownBy(() -> engine.reload("svc")).isInstanceOf(PitstopException.class)
                    .hasMessageContaining("the store file was changed after it was stored");
            assertThat(stack.status("svc").pid()).isZero();
        }
    }

    @Test
    void upOfATamperedStoreFileRefusesThatProcess() throws Exception {
        try (ScriptStack stack = stack()) {
            stack.up();
            stack.awaitRunning("svc");
            stack.engine().down();
            stack.engine().close();
            tamper(storeFile(stack));

            stack.up();
            awaitRefused(stack);
        }
    }

    @Test
    void rollbackToATamperedVersionIsRefusedAndTheCurrentOneRunsOn() throws Exception {
        try (ScriptStack stack = stack()) {
            Engine engine = stack.up();
            stack.awaitRunning("svc");
            Path v1Store = storeFile(stack);
            engine.install(InstallRequest.of("svc", stack.script("svc-v2", "exec sleep 1002")).version("v2"))
                    .reloads().forEach(r -> stack.track(r.newPid()));
            stack.awaitCommandLine("svc", "sleep 1002");

            tamper(v1Store);

            assertThatThrownBy(() -> engine.rollback(RollbackRequest.previous("svc"))).isInstanceOf(SwapFailedException.class)
                    .hasMessageContaining("the store file was changed after it was stored");
            stack.awaitCommandLine("svc", "sleep 1002");
            assertThat(engine.manifest().current("svc").orElseThrow().version()).isEqualTo("v2");
        }
    }

    @Test
    void verifyChecksTheBinLinks() throws Exception {
        try (ScriptStack stack = stack()) {
            Engine engine = stack.up();
            stack.awaitRunning("svc");
            assertThat(engine.verify().ok()).isTrue();

            Path link = stack.dir.resolve(".pitstop/bin/svc");
            Path elsewhere = stack.script("elsewhere", "exec sleep 1003");
            Files.delete(link);
            Files.createSymbolicLink(link, elsewhere);

            VerifyReport report = engine.verify();
            assertThat(report.mismatches()).singleElement().satisfies(m -> {
                assertThat(m.name()).isEqualTo("svc");
                assertThat(m.problem()).isEqualTo("bin link does not point at the current version's store file");
                assertThat(m.where()).contains(elsewhere.toString());
            });
            // and nothing starts from it
            engine.restart("svc");
            await().atMost(Duration.ofSeconds(10)).until(() -> stack.status("svc").state() == ProcessState.ERROR);
        }
    }

    private ScriptStack stack() throws IOException {
        return ScriptStack.scriptBinary(tempDir, "");
    }

    private static void awaitRefused(ScriptStack stack) {
        await().atMost(Duration.ofSeconds(10)).until(() -> stack.status("svc").state() == ProcessState.ERROR);
        assertThat(stack.status("svc").pid()).isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> stack.events(EventType.STATE_CHANGED, "svc").stream()
                .anyMatch(e -> e.detail().contains("refusing to run")
                        && e.detail().contains("the store file was changed after it was stored")));
    }

    /** The store file {@code .pitstop/bin/svc} points at now. */
    private static Path storeFile(ScriptStack stack) throws IOException {
        return stack.dir.resolve(".pitstop/bin/svc").toRealPath();
    }

    /** Changes a stored file in place, as an attacker or a careless `chmod u+w; vi` would. */
    private static void tamper(Path stored) throws IOException {
        Files.setPosixFilePermissions(stored.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(stored, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(stored, "# still runs, but is not what was recorded\n", StandardOpenOption.APPEND);
        Files.setPosixFilePermissions(stored, PosixFilePermissions.fromString("r-xr-xr-x"));
        Files.setPosixFilePermissions(stored.getParent(), PosixFilePermissions.fromString("r-xr-xr-x"));
    }
}
