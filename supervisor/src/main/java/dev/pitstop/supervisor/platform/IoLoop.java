package dev.pitstop.supervisor.platform;

/** The one thread that reads every pipe of a stack run. */
public interface IoLoop {
    /**
     * Reads {@code fd} (a read end from {@link ProcessPlatform#pipe}) into {@code sink} until its writers closed it;
     * the loop then closes {@code fd} and calls {@link OutputSink#end}. The loop owns {@code fd} from now on.
     */
    void register(int fd, OutputSink sink);

    /** Stops reading {@code fd} early: it is closed and its sink ended, on the loop's thread. */
    void unregister(int fd);
}
