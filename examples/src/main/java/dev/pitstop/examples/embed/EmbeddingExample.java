package dev.pitstop.examples.embed;

import dev.pitstop.core.Engine;
import dev.pitstop.core.Pitstop;
import dev.pitstop.core.process.ReloadResult;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The calls of the README's embedding program ({@code examples/consumer}'s {@code Main}), run by
 * {@code ReadmeSnippetTest} against a real nats-server within this build.
 */
public final class EmbeddingExample {
    private EmbeddingExample() {}

    /** Starts the stack in the working directory, reloads {@code nats} once it is ready, and stops. */
    public static void main(String[] args) throws InterruptedException {
        System.out.println(run(Path.of(args.length > 0 ? args[0] : "pitstop.yaml")));
    }

    static ReloadResult run(Path stackFile) throws InterruptedException {
        try (Engine engine = Pitstop.open(stackFile)) {
            engine.up();
            engine.awaitReady(Duration.ofSeconds(30)); // every process running and passing its readiness probe
            ReloadResult r = engine.reload("nats");    // old PID, new PID, SHA-256 of what now runs
            engine.down();
            return r;
        }
    }
}
