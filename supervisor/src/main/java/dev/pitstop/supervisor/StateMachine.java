package dev.pitstop.supervisor;

import static dev.pitstop.core.process.ProcessState.COMPLETED;
import static dev.pitstop.core.process.ProcessState.DISABLED;
import static dev.pitstop.core.process.ProcessState.ERROR;
import static dev.pitstop.core.process.ProcessState.PENDING;
import static dev.pitstop.core.process.ProcessState.RESTARTING;
import static dev.pitstop.core.process.ProcessState.RUNNING;
import static dev.pitstop.core.process.ProcessState.SKIPPED;
import static dev.pitstop.core.process.ProcessState.TERMINATING;

import dev.pitstop.core.process.ProcessState;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of one process: the allowed transitions in one table, and every transition (a repeated state
 * included, e.g. {@code Error} after a failed reload of a process in {@code Error}) reported to the listener, which
 * turns it into a {@code STATE_CHANGED} event. A transition the table does not allow is a bug and throws. Not
 * thread-safe: used under the owning process's lock.
 */
final class StateMachine {
    /** Receives every transition. */
    @FunctionalInterface
    interface Listener {
        void changed(ProcessState from, ProcessState to, String detail);
    }

    /** From each state, the states it may go to. */
    static final Map<ProcessState, Set<ProcessState>> TRANSITIONS = table();

    private static Map<ProcessState, Set<ProcessState>> table() {
        Map<ProcessState, Set<ProcessState>> t = new EnumMap<>(ProcessState.class);
        // started (by up, a user's start, a reload), skipped, or failed to start
        t.put(PENDING, EnumSet.of(RUNNING, SKIPPED, ERROR));
        t.put(DISABLED, EnumSet.of(RUNNING, ERROR));
        t.put(SKIPPED, EnumSet.of(RUNNING, ERROR));
        // RUNNING -> RUNNING: an is_daemon launcher handed over to its daemon
        t.put(RUNNING, EnumSet.of(RUNNING, TERMINATING, RESTARTING, COMPLETED, ERROR));
        // TERMINATING -> RESTARTING: stopped by a reload, which starts it again
        t.put(TERMINATING, EnumSet.of(COMPLETED, ERROR, RESTARTING));
        t.put(RESTARTING, EnumSet.of(RUNNING, COMPLETED, ERROR));
        t.put(COMPLETED, EnumSet.of(RUNNING, ERROR));
        t.put(ERROR, EnumSet.of(RUNNING, ERROR));
        t.replaceAll((from, to) -> Collections.unmodifiableSet(to));
        return Collections.unmodifiableMap(t);
    }

    private final Listener listener;
    private ProcessState state;

    StateMachine(ProcessState initial, Listener listener) {
        this.state = initial;
        this.listener = listener;
    }

    ProcessState state() {
        return state;
    }

    static boolean allowed(ProcessState from, ProcessState to) {
        return TRANSITIONS.getOrDefault(from, Set.of()).contains(to);
    }

    /** @throws IllegalStateException when the table does not allow it; nothing changes then */
    void to(ProcessState next, String detail) {
        if (!allowed(state, next)) {
            throw new IllegalStateException("no transition from " + state.label() + " to " + next.label()
                    + " (" + detail + ")");
        }
        ProcessState from = state;
        state = next;
        listener.changed(from, next, detail);
    }

    /** Moves to {@code next} unless already there; for callers that only care about the state, not the detail. */
    void toUnlessIn(ProcessState next, String detail) {
        if (state != next) {
            to(next, detail);
        }
    }
}
