package dev.pitstop.supervisor.platform;

import java.util.concurrent.CompletableFuture;

/** A child of {@link Spawner}; {@link NativeLoop} completes its exit. */
final class NativeChild implements Child {
    private final long pid;
    /** The read end of its output pipe, or -1. */
    final int outputFd;
    final CompletableFuture<Integer> exit = new CompletableFuture<>();

    NativeChild(long pid, int outputFd) {
        this.pid = pid;
        this.outputFd = outputFd;
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public CompletableFuture<Integer> exit() {
        return exit;
    }

    @Override
    public String toString() {
        return "pid " + pid;
    }
}
