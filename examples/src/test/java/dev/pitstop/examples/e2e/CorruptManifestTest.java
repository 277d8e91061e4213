package dev.pitstop.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.pitstop.core.Engine;
import dev.pitstop.core.InstallRequest;
import dev.pitstop.core.store.ManifestCorruptException;
import dev.pitstop.testkit.ProcessLeaks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code pitstop.lock.json} that does not parse is never overwritten and nothing runs from it. */
class CorruptManifestTest {
    private static final byte[] CORRUPT = "{\n  \"binaries\": {,\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tempDir;

    @Test
    void upRefusesACorruptManifestAndStartsNothing() throws Exception {
        try (NatsStack stack = new NatsStack(tempDir, false)) {
            Files.write(stack.lockFile(), CORRUPT);
            Engine engine = stack.open();

            Throwable failure = catchThrowable(engine::up);

            assertThat(failure).isInstanceOf(ManifestCorruptException.class)
                    .hasMessageContaining(stack.lockFile().toString()).hasMessageContaining("line 2");
            assertThat(failure.getMessage()).doesNotContain("\n");
            assertThat(Files.readAllBytes(stack.lockFile())).isEqualTo(CORRUPT);
            assertThat(engine.ps()).allSatisfy(p -> assertThat(p.pid()).isZero());
            assertThat(Files.exists(stack.binLink(), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
            ProcessLeaks.assertNone();
        }
    }

    @Test
    void aManifestCorruptedWhileRunningStopsAnInstallBeforeAnythingIsSwapped() throws Exception {
        try (NatsStack stack = new NatsStack(tempDir, false)) {
            Engine engine = stack.up();
            long pid = stack.pid("nats");
            Path link = Files.readSymbolicLink(stack.binLink());
            Files.write(stack.lockFile(), CORRUPT);

            Throwable failure = catchThrowable(() -> engine.install(InstallRequest.of("nats", stack.natsVariant("v2")).version("v2")));

            assertThat(failure).isInstanceOf(ManifestCorruptException.class)
                    .hasMessageContaining(stack.lockFile().toString());
            assertThat(Files.readAllBytes(stack.lockFile())).isEqualTo(CORRUPT);
            assertThat(stack.pid("nats")).isEqualTo(pid);
            assertThat(Files.readSymbolicLink(stack.binLink())).isEqualTo(link);
        }
    }
}
