package dev.pitstop.core.stack;

/**
 * How a process is stopped: the {@code command} if given, else {@code signal} to its process group
 * (only to the process itself when {@code parentOnly}); after {@code timeoutSeconds} every remaining
 * member of the group is killed.
 */
public record ShutdownSpec(String command, int signal, double timeoutSeconds, boolean parentOnly) {
    public static final ShutdownSpec DEFAULT = new ShutdownSpec(null, 15, 10, false);
}
