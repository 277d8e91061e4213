package dev.pitstop.supervisor.platform;

/**
 * Takes what a pipe delivers, on the I/O loop's thread, synchronously: a sink that is slow holds the loop back from
 * reading more of its pipe, so the pipe fills and its writer blocks (back-pressure) instead of memory growing.
 */
public interface OutputSink {
    /** The next bytes of the stream; {@code bytes} is reused after the call returns. */
    void accept(byte[] bytes, int length);

    /** The pipe is empty for now: a good moment to flush. */
    default void drained() {}

    /** The stream ended (every writer closed it); called once. */
    void end();
}
