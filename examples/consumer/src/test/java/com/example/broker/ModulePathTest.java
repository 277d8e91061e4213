package com.example.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Main} as a module ({@code com.example.broker}, which {@code requires dev.pitstop.engine}) on the module path,
 * with no {@code --add-modules}: it starts nats-server, reloads it and stops. Pitstop's other jars are automatic
 * modules; {@code pitstop-engine}'s descriptor brings what they need ({@code java.net.http}, Jackson, ...).
 */
class ModulePathTest {
    @TempDir
    Path dir;

    @Test
    void theMainRunsOnTheModulePath() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path stack = Files.writeString(dir.resolve("pitstop.yaml"), """
                processes:
                  nats:
                    command: "exec /usr/sbin/nats-server -a 127.0.0.1 -p %d"
                    ready_log_line: "Server is ready"
                """.formatted(port));
        // the build writes the main code's runtime class path there (maven-dependency-plugin build-classpath)
        String modulePath = "target/classes" + File.pathSeparator + Files.readString(Path.of("target/runtime-classpath.txt")).trim();
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", modulePath, "--module", "com.example.broker/com.example.broker.Main", stack.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        try {
            assertTrue(jvm.waitFor(2, TimeUnit.MINUTES), "the program did not end");
        } finally {
            jvm.destroyForcibly();
        }
        String out = Files.readString(dir.resolve("out.txt"));
        assertEquals(0, jvm.exitValue(), out);
        assertTrue(out.contains("nats reloaded: pid "), out);
    }
}
