package dev.pitstop.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitstop.core.process.ReloadResult;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README's embedding snippets are the files of the consumer project ({@code examples/consumer}, built and
 * tested by CI against the installed artifacts), quoted whole; {@link EmbeddingExample}, the same calls, works as
 * written against a real nats-server.
 */
class ReadmeSnippetTest {
    private static final Path CONSUMER = Path.of("consumer");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"src/main/java/com/example/broker/Main.java:java",
            "src/test/java/com/example/broker/BrokerTest.java:java", "src/test/resources/nats/pitstop.yaml:yaml"})
    void theReadmeQuotesTheConsumerProjectsFiles(String fileAndLanguage) throws IOException {
        String[] parts = fileAndLanguage.split(":");
        String source = Files.readString(CONSUMER.resolve(parts[0]));
        assertThat(Files.readString(Path.of("../README.md"))).contains("```" + parts[1] + "\n" + source + "```");
    }

    @Test
    void theConsumersMainEmbedsTheEngineInUnderTwentyLines() throws IOException {
        assertThat(Files.readAllLines(CONSUMER.resolve("src/main/java/com/example/broker/Main.java"))).hasSizeLessThan(20);
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
