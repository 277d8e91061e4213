package dev.pitstop.core.process;

import dev.pitstop.core.PitstopException;

/** A request that needs running processes reached a stack that is stopping or stopped. */
public final class StackStoppedException extends PitstopException {
    private static final long serialVersionUID = 1L;

    public StackStoppedException() {
        super("the stack is stopping or has stopped, so nothing can be started, reloaded or applied; start it again "
                + "with pitstop up");
    }
}
