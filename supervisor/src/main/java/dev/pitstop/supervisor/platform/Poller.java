package dev.pitstop.supervisor.platform;

/**
 * The kernel's readiness and exit notification, as {@link NativeLoop} uses it: epoll + pidfd, poll(2) + waitpid, or
 * kqueue. Only the loop's thread calls {@link #await}; the watch methods and {@link #wake} may be called from any.
 */
interface Poller extends AutoCloseable {
    /** What {@link #await} reports. */
    interface Events {
        void readable(int fd);

        /** {@code pid} exited and was reaped (by the poller): {@code code} is its exit code, -1 when unknown. */
        void exited(long pid, int code);
    }

    /** Reports {@code fd} as readable (level-triggered) until {@link #unwatchRead}. */
    void watchRead(int fd);

    void unwatchRead(int fd);

    /** Reports the exit of child {@code pid} once, after reaping it. */
    void watchExit(long pid);

    /** Something happened that makes an exit likely soon (a signal sent, a pipe closed): a poller that polls looks sooner. */
    default void activity() {}

    /** Waits at most {@code timeoutMillis} for events and reports them. */
    void await(int timeoutMillis, Events events);

    /** Makes a running {@link #await} return. */
    void wake();

    @Override
    void close();
}
