package dev.pitstop.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitstop.core.Engine;
import dev.pitstop.core.InstallRequest;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.store.ProcessSnapshot;
import dev.pitstop.core.store.Snapshot;
import dev.pitstop.core.store.VerifyReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify} and {@code snapshot} against what really runs. */
class VerifyAndSnapshotTest {
    @TempDir
    Path tempDir;

    @Test
    void snapshotListsTheManagedProcessWithPidShaAndVersion() throws Exception {
        Sha256 v1 = NatsStack.sha(NatsStack.NATS_SERVER);
        try (NatsStack stack = new NatsStack(tempDir, false)) {
            Engine engine = stack.up();
            assertThat(engine.verify().ok()).as(engine.verify().mismatches().toString()).isTrue();

            Snapshot snapshot = engine.snapshot();

            assertThat(snapshot.processes()).containsOnlyKeys("nats", "bystander");
            ProcessSnapshot nats = snapshot.processes().get("nats");
            ProcessSnapshot bystander = snapshot.processes().get("bystander");
            assertThat(bystander.pid()).isEqualTo(stack.pid("bystander"));
            assertThat(bystander.executable()).isEqualTo(NatsStack.exeOf(stack.pid("bystander")))
                    .isNotEqualTo(nats.executable());
            assertThat(bystander.version()).as("no managed binary, no version").isNull();
            assertThat(nats.pid()).isEqualTo(stack.pid("nats"));
            assertThat(nats.executable()).isEqualTo(v1);
            assertThat(nats.version()).isEqualTo(engine.manifest().current("nats").orElseThrow().version());
            assertThat(nats.startTime()).isNotNull();
        }
    }

    @Test
    void verifyCatchesAProcessThatDoesNotRunTheCurrentBinary() throws Exception {
        try (NatsStack stack = new NatsStack(tempDir, false)) {
            Engine engine = stack.up();
            long pid = stack.pid("nats");
            // another engine (as a second CLI would) records a new version while this stack keeps running
            Path v2File = stack.natsVariant("v2");
            try (Engine other = new NatsStack.Opener(stack).open()) {
                assertThat(other.install(InstallRequest.of("nats", v2File).version("v2")).reloads()).isEmpty();
            }

            VerifyReport report = engine.verify();

            assertThat(report.ok()).isFalse();
            assertThat(report.mismatches()).singleElement().satisfies(m -> {
                assertThat(m.name()).isEqualTo("nats");
                assertThat(m.expected()).isEqualTo(NatsStack.sha(v2File));
                assertThat(m.actual()).isEqualTo(NatsStack.sha(NatsStack.NATS_SERVER));
                assertThat(m.where()).contains(String.valueOf(pid));
            });
        }
    }

    @Test
    void verifyCatchesATamperedStoreFile() throws Exception {
        Sha256 v1 = NatsStack.sha(NatsStack.NATS_SERVER);
        try (NatsStack stack = new NatsStack(tempDir, false)) {
            Engine engine = stack.up();
            Path stored = Files.readSymbolicLink(stack.binLink());
            engine.install(InstallRequest.of("nats", stack.natsVariant("v2")).version("v2")).reloads().forEach(r -> stack.track(r.newPid()));
            assertThat(engine.verify().ok()).isTrue();

            // v1 no longer runs, so its store file can be written (a running executable cannot)
            Files.setPosixFilePermissions(stored, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.write(stored, new byte[] {1}, StandardOpenOption.APPEND);
            VerifyReport report = engine.verify();

            assertThat(report.mismatches()).singleElement().satisfies(m -> {
                assertThat(m.name()).isEqualTo("nats");
                assertThat(m.expected()).isEqualTo(v1);
                assertThat(m.actual()).isEqualTo(NatsStack.sha(stored));
                assertThat(m.where()).contains(stored.toString());
            });
        }
    }
}
