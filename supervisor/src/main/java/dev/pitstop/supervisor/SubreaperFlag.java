package dev.pitstop.supervisor;

import dev.pitstop.supervisor.platform.ProcessPlatform;

/**
 * The kernel's child-subreaper flag ({@code prctl(PR_SET_CHILD_SUBREAPER)}) belongs to the whole JVM, so its owner is
 * JVM-wide too: it is set while at least one stack runs here and cleared when the last one closes. Otherwise what
 * other code of an embedding program abandons (a child JVM that exits before reaping its own children) would
 * become zombies of this JVM with no supervisor left to reap them, instead of init's.
 */
final class SubreaperFlag {
    private static int holders;

    private SubreaperFlag() {}

    /** @return whether the flag is set for the caller, who must then {@link #release} it once */
    static synchronized boolean acquire(ProcessPlatform platform) {
        if (holders == 0 && !platform.subreaper(true)) {
            return false;
        }
        holders++;
        return true;
    }

    static synchronized void release(ProcessPlatform platform) {
        if (holders > 0 && --holders == 0) {
            platform.subreaper(false);
        }
    }
}
