package dev.pitstop.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a command that blocks (a foreground {@code up}, {@code ui}, {@code logs -f}) on a thread of its own. Not the
 * common pool: on two cores it has one worker, and from JDK 21 a second blocking task waits behind the first.
 */
public final class Background {
    private Background() {}

    public static <T> CompletableFuture<T> run(Callable<T> command) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(command.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "test-command");
        thread.setDaemon(true);
        thread.start();
        return result;
    }
}
