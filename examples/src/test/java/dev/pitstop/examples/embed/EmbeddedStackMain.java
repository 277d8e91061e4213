package dev.pitstop.examples.embed;

import dev.pitstop.core.Engine;
import dev.pitstop.core.Pitstop;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A program that embeds the engine and never stops it itself: {@code ShutdownHookTest} sends it SIGTERM.
 * Arguments: the stack file, Pitstop's home, and {@code hook} or {@code no-hook}.
 */
public final class EmbeddedStackMain {
    private EmbeddedStackMain() {}

    public static void main(String[] args) throws InterruptedException {
        Engine engine = Pitstop.builder().home(Path.of(args[1])).shutdownHook(args[2].equals("hook"))
                .open(Path.of(args[0]));
        engine.up();
        engine.awaitReady(Duration.ofSeconds(30));
        System.out.println("pid " + engine.ps().get(0).pid());
        System.out.flush();
        while (!engine.awaitDown(Duration.ofMinutes(1))) {
            // runs until the JVM is told to stop
        }
    }
}
