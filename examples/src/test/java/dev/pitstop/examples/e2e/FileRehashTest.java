package dev.pitstop.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitstop.core.Engine;
import dev.pitstop.core.process.ReloadResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 C10: a reload of a process whose {@code file:} binary did not change reads neither that file nor its
 * store copy again. Measured as the bytes this JVM read ({@code rchar} of {@code /proc/self/io}) during the
 * reload, against a 64 MiB binary.
 */
class FileRehashTest {
    private static final int SIZE = 64 << 20;

    @TempDir
    Path tempDir;

    @Test
    void aReloadOfAnUnchangedFileBinaryDoesNotReadItAgain() throws Exception {
        try (ScriptStack stack = new ScriptStack(tempDir, """
                binaries:
                  big: { file: ./incoming/big }
                processes:
                  big:
                    command: "${bin:big}"
                """)) {
            Files.createDirectories(stack.dir.resolve("incoming"));
            Path big = stack.script("big-script", "exec sleep 1000");
            try (OutputStream out = Files.newOutputStream(big, StandardOpenOption.APPEND)) {
                byte[] comment = new byte[1 << 20];
                Arrays.fill(comment, (byte) '#');
                comment[comment.length - 1] = '\n';
                for (int i = 0; i < SIZE / comment.length; i++) {
                    out.write(comment);
                }
            }
            Files.move(big, stack.dir.resolve("incoming/big"));
            Engine engine = stack.up();
            stack.awaitRunning("big");
            stack.track(engine.reload("big").newPid()); // the first reload may hash what up did not need to

            long before = bytesRead();
            ReloadResult reload = engine.reload("big");
            long read = bytesRead() - before;
            stack.track(reload.newPid());

            assertThat(read).as("bytes read during the reload").isLessThan(SIZE / 4);
            assertThat(engine.manifest().binary("big").orElseThrow().history()).isEmpty();
        }
    }

    private static long bytesRead() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
            if (line.startsWith("rchar:")) {
                return Long.parseLong(line.substring("rchar:".length()).trim());
            }
        }
        throw new IllegalStateException("no rchar in /proc/self/io");
    }
}
