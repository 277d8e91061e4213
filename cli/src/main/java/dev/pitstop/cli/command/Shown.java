package dev.pitstop.cli.command;

import dev.pitstop.control.AnswerKind;

/**
 * An answer as a command shows it: what it is, the value, and whether it is a success (exit code 0, printed on
 * stdout) or a failure the stack reported as a fact (a failed reload or swap, a verify with mismatches: exit code
 * 1, on stderr unless {@code --json}).
 */
record Shown(boolean ok, AnswerKind kind, Object value) {
    static Shown ok(AnswerKind kind, Object value) {
        return new Shown(true, kind, value);
    }

    /** A refusal of the stack or the engine: its one-line reason, exit code 1. */
    static Shown refused(String reason) {
        return new Shown(false, AnswerKind.ERROR, reason);
    }

    /** An answer the command printed itself, entry by entry, as it came. */
    static Shown printed() {
        return new Shown(true, null, null);
    }
}
