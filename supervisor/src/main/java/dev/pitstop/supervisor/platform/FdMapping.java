package dev.pitstop.supervisor.platform;

/**
 * A descriptor given to a child: the parent's {@code parentFd} becomes the child's {@code childFd} (the s6
 * notification fd, {@code ready: notify-fd N}). The parent keeps its copy; close it after the spawn.
 */
public record FdMapping(int parentFd, int childFd) {
    public FdMapping {
        if (parentFd < 0) {
            throw new IllegalArgumentException("parentFd must not be negative, not " + parentFd);
        }
        if (childFd < 3) {
            throw new IllegalArgumentException("childFd must be 3 or more (0-2 are stdio), not " + childFd);
        }
    }
}
