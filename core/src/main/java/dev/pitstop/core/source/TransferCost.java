package dev.pitstop.core.source;

/**
 * What talking to a source cost: requests made, how many of them were answered {@code 304 Not Modified} (free
 * against GitHub's rate limit), and the bytes received (response bodies; for git, the ref advertisement).
 */
public record TransferCost(int requests, int notModified, long bytes) {
    public static final TransferCost NONE = new TransferCost(0, 0, 0);

    public TransferCost plus(TransferCost other) {
        return new TransferCost(requests + other.requests, notModified + other.notModified, bytes + other.bytes);
    }
}
