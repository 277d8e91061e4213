package dev.pitstop.cli.cds;

import dev.pitstop.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The training run for the CDS archive of {@code pitstop up} ({@code cli/target/pitstop-up.jsa}), run by the build
 * with the launcher's options for {@code up}: a small stack (a log line, an exec probe, a dependency) brought up in
 * this JVM, one process reloaded, then brought down, so the archive holds the classes a supervisor loads to boot
 * and to serve its first requests.
 */
public final class CdsUpTraining {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private CdsUpTraining() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("pitstop-cds-up");
        int code;
        try {
            Files.writeString(dir.resolve("pitstop.yaml"), """
                    processes:
                      db:
                        command: "echo ready; exec sleep 600"
                        ready_log_line: "^ready"
                      app:
                        entrypoint: [sleep, "600"]
                        depends_on: { db: { condition: process_log_ready } }
                        readiness_probe: { exec: { command: "true" }, period_seconds: 1 }
                    """);
            StringWriter sink = new StringWriter();
            PrintWriter out = new PrintWriter(sink);
            int[] upCode = {-1};
            Thread up = new Thread(() -> upCode[0] = Main.run(dir, out, out, "--home", dir.resolve("home").toString(),
                    "up"), "pitstop-cds-up");
            up.start();
            Instant deadline = Instant.now().plus(DEADLINE);
            while (!ready(dir) && Instant.now().isBefore(deadline) && up.isAlive()) {
                Thread.sleep(50); // a training run of the build, bounded by the deadline
            }
            Main.run(dir, out, out, "reload", "app");
            Main.run(dir, out, out, "down");
            up.join(DEADLINE.toMillis());
            code = upCode[0];
            if (code != 0) {
                System.err.println("the training run of up failed:\n" + sink);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(code == 0 ? 0 : 1); // stray threads of a failed run must not keep the build waiting
    }

    private static boolean ready(Path dir) {
        StringWriter text = new StringWriter();
        Main.run(dir, new PrintWriter(text), new PrintWriter(new StringWriter()), "ps");
        return text.toString().lines().filter(l -> l.contains("Running") && l.contains("Ready")).count() == 2;
    }
}
