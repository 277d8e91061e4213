package dev.pitstop.supervisor;

import dev.pitstop.core.stack.Stack;

/** What a {@link ManagedProcess} needs from the stack that owns it. */
interface ProcessHost {
    Stack stack();

    /** True once the stack is going down: no starts, no restarts. */
    boolean stopping();

    /** Something a dependency condition may look at changed. */
    void changed();

    /**
     * {@code exit_on_failure}, {@code exit_on_end} or {@code exit_on_skipped} ended the project: bring the whole
     * stack down; it ends with {@code exitCode}.
     */
    void endStack(String reason, int exitCode);
}
