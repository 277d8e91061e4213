package dev.pitstop.core.process;

import dev.pitstop.core.PitstopException;

/** A control call named a process the stack does not have. */
public final class UnknownProcessException extends PitstopException {
    private static final long serialVersionUID = 1L;

    public UnknownProcessException(String name) {
        super("no process named '" + name + "' in this stack");
    }
}
