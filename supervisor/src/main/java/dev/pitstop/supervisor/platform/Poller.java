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

    /** Waits at most {@code timeoutMillis} ({@link #FOREVER}: until an event or {@link #wake}) and reports events. */
    void await(int timeoutMillis, Events events);

    /** No timeout: only events and {@link #wake} end a wait, so an idle loop never wakes up. */
    int FOREVER = -1;

    /** Makes a running {@link #await} return. */
    void wake();

    @Override
    void close();
}
