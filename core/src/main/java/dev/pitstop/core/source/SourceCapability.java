package dev.pitstop.core.source;

/**
 * What the engine may do with a source's binaries besides resolve and fetch, declared by
 * {@link Source#capabilities()} so that the engine never tests a kind's name.
 */
public enum SourceCapability {
    /**
     * The location is a path on this machine (or a URL): a relative one is resolved against the stack file's
     * folder before the source sees it, like every other path of the stack file.
     */
    LOCAL_PATH,
    /**
     * The location names the binary's own file on this machine: it is stored from that file without a fetch,
     * re-read when its process is reloaded, and watched with {@code watch: true}. Implies {@link #LOCAL_PATH}.
     */
    LOCAL_FILE
}
