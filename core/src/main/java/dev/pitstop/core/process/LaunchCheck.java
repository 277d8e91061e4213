package dev.pitstop.core.process;

import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.Stack;

/**
 * Asked by the supervisor right before every exec of a process (start, restart, reload, the restart of a
 * rollback), so that nothing starts bytes the manifest does not name. The engine implements it with the
 * store's integrity check; a supervisor run without an engine uses {@link #NONE}.
 */
@FunctionalInterface
public interface LaunchCheck {
    /** Checks nothing: for a supervisor that runs a stack without managed binaries. */
    LaunchCheck NONE = (stack, spec) -> { };

    /**
     * @throws dev.pitstop.core.PitstopException with a one-line reason to refuse the start; the supervisor puts the
     *                                           process in {@code Error} with that reason
     */
    void beforeLaunch(Stack stack, ProcessSpec spec);
}
