package dev.pitstop.supervisor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel's child-subreaper flag ({@code prctl(PR_SET_CHILD_SUBREAPER)}) belongs to the whole JVM, so its owner is
 * JVM-wide too: it is set while at least one stack runs here and cleared when the last one closes. Otherwise what
 * other code of an embedding program abandons (a child JVM that exits before reaping its own children) would
 * become zombies of this JVM with no supervisor left to reap them, instead of init's.
 */
final class SubreaperFlag {
    private static final Logger LOG = LoggerFactory.getLogger(SubreaperFlag.class);
    private static int holders;

    private SubreaperFlag() {}

    /** @return whether the flag is set for the caller, who must then {@link #release} it once */
    static synchronized boolean acquire(LibC libc) {
        if (holders == 0 && !set(libc, 1)) {
            return false;
        }
        holders++;
        return true;
    }

    static synchronized void release(LibC libc) {
        if (holders > 0 && --holders == 0) {
            set(libc, 0);
        }
    }

    private static boolean set(LibC libc, int on) {
        try {
            return libc.prctl(LibC.PR_SET_CHILD_SUBREAPER, on, 0, 0, 0) == 0;
        } catch (UnsatisfiedLinkError e) {
            LOG.debug("no prctl here: orphans of services re-parent to init", e);
            return false;
        }
    }
}
