package dev.pitstop.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitstop.core.process.ReloadResult;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's embedding snippet is {@link EmbeddingExample}, which compiles, and it works as written. */
class ReadmeSnippetTest {
    private static final Path EXAMPLE = Path.of("src/main/java/dev/pitstop/examples/embed/EmbeddingExample.java");

    @TempDir
    Path dir;

    @Test
    void theReadmeQuotesTheCompiledExample() throws IOException {
        String source = Files.readString(EXAMPLE);
        String snippet = source.substring(source.indexOf("// README:start\n") + "// README:start\n".length(),
                source.indexOf("// README:end"));
        String dedented = Arrays.stream(snippet.split("\n")).map(l -> l.replaceFirst("^ {8}", ""))
                .collect(Collectors.joining("\n")).stripTrailing() + "\n}\n";
        assertThat(Files.readString(Path.of("../README.md"))).contains("```java\n" + dedented + "```");
    }

    @Test
    void theSnippetReloadsNatsOnceItIsReady() throws Exception {
        int client = freePort();
        int monitor = freePort();
        Path stack = Files.writeString(dir.resolve("pitstop.yaml"), """
                processes:
                  nats:
                    command: "/usr/sbin/nats-server -a 127.0.0.1 -p %d -m %d"
                    readiness_probe:
                      http_get: { host: 127.0.0.1, port: %d, path: /healthz }
                """.formatted(client, monitor, monitor));

        ReloadResult r = EmbeddingExample.run(stack);

        // before awaitReady existed, the snippet reloaded a process that had not started yet: oldPid was 0
        assertThat(r.oldPid()).isPositive();
        assertThat(r.newPid()).isPositive().isNotEqualTo(r.oldPid());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
