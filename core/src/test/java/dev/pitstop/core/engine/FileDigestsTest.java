package dev.pitstop.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pitstop.core.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The identity cache must never answer with the digest of bytes that are no longer there. */
class FileDigestsTest {
    @TempDir
    Path dir;

    private final FileDigests digests = new FileDigests();

    @Test
    void sameSizeAndModificationTimeButNewBytesAreHashedAgain() throws Exception {
        Path file = dir.resolve("bin");
        Files.writeString(file, "version one");
        FileTime mtime = Files.getLastModifiedTime(file);
        assertThat(digests.of(file)).isEqualTo(Sha256.ofFile(file));

        awaitClockTick(file);
        // what a careful tamperer does: same length, modification time set back
        Files.writeString(file, "version two");
        Files.setLastModifiedTime(file, mtime);

        assertThat(digests.of(file)).isEqualTo(Sha256.ofFile(file)).isNotEqualTo(sha("version one"));
    }

    @Test
    void aFileRenamedOverTheOldOneIsHashedAgain() throws Exception {
        Path file = dir.resolve("bin");
        Files.writeString(file, "aaaa");
        assertThat(digests.of(file)).isEqualTo(sha("aaaa"));
        awaitClockTick(file);
        Path next = dir.resolve("next");
        Files.writeString(next, "bbbb");
        Files.setLastModifiedTime(next, Files.getLastModifiedTime(file));
        Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThat(digests.of(file)).isEqualTo(sha("bbbb"));
    }

    /** File times come from a coarse kernel clock (a few ms): a change in the same tick would look unchanged. */
    private void awaitClockTick(Path file) throws Exception {
        FileTime changed = (FileTime) Files.getAttribute(file, "unix:ctime");
        Path probe = dir.resolve("probe");
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(1)).until(() -> {
            Files.writeString(probe, "x");
            return ((FileTime) Files.getAttribute(probe, "unix:ctime")).compareTo(changed) > 0;
        });
    }

    private static Sha256 sha(String text) throws Exception {
        return Sha256.of(Sha256.newDigest().digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
