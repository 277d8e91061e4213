package dev.pitstop.supervisor;

import static dev.pitstop.core.process.ProcessState.COMPLETED;
import static dev.pitstop.core.process.ProcessState.DISABLED;
import static dev.pitstop.core.process.ProcessState.ERROR;
import static dev.pitstop.core.process.ProcessState.PENDING;
import static dev.pitstop.core.process.ProcessState.RESTARTING;
import static dev.pitstop.core.process.ProcessState.RUNNING;
import static dev.pitstop.core.process.ProcessState.SKIPPED;
import static dev.pitstop.core.process.ProcessState.TERMINATING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.core.process.ProcessState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The transition table on its own: no process, a recording listener. */
class StateMachineTest {
    private final List<String> events = new ArrayList<>();
    private final StateMachine.Listener recorder = (from, to, detail) ->
            events.add(from.label() + " -> " + to.label() + ": " + detail);

    @Test
    void theTableIsTheDocumentedOne() {
        assertThat(StateMachine.TRANSITIONS).isEqualTo(Map.of(
                PENDING, EnumSet.of(RUNNING, SKIPPED, ERROR),
                DISABLED, EnumSet.of(RUNNING, ERROR),
                SKIPPED, EnumSet.of(RUNNING, ERROR),
                RUNNING, EnumSet.of(RUNNING, TERMINATING, RESTARTING, COMPLETED, ERROR),
                TERMINATING, EnumSet.of(COMPLETED, ERROR, RESTARTING),
                RESTARTING, EnumSet.of(RUNNING, COMPLETED, ERROR),
                COMPLETED, EnumSet.of(RUNNING, ERROR),
                ERROR, EnumSet.of(RUNNING, ERROR)));
    }

    @Test
    void aLifeFromPendingToARestartAndAStopIsOneEventPerStep() {
        StateMachine m = new StateMachine(PENDING, recorder);

        m.to(RUNNING, "pid 10");
        m.to(RESTARTING, "exit code 1; restart 1 in 50 ms");
        m.to(RUNNING, "pid 11 (restart 1)");
        m.to(TERMINATING, "pid 11");
        m.to(COMPLETED, "exit code 143");

        assertThat(m.state()).isEqualTo(COMPLETED);
        assertThat(events).containsExactly("Pending -> Running: pid 10",
                "Running -> Restarting: exit code 1; restart 1 in 50 ms", "Restarting -> Running: pid 11 (restart 1)",
                "Running -> Terminating: pid 11", "Terminating -> Completed: exit code 143");
    }

    @Test
    void aReloadPassesThroughRestartingNeverCompleted() {
        StateMachine m = new StateMachine(RUNNING, recorder);

        m.to(TERMINATING, "pid 10");
        m.to(RESTARTING, "reloading (exit code 143)");
        m.to(RUNNING, "pid 11 (reload)");

        assertThat(events).noneMatch(e -> e.contains("-> Completed"));
    }

    @Test
    void aRepeatedStateIsStillAnEvent() {
        StateMachine m = new StateMachine(ERROR, recorder);

        m.to(ERROR, "reload failed: cannot start");

        assertThat(events).containsExactly("Error -> Error: reload failed: cannot start");
    }

    @Test
    void toUnlessInSkipsOnlyTheSameState() {
        StateMachine m = new StateMachine(RUNNING, recorder);

        m.toUnlessIn(RUNNING, "again");
        m.toUnlessIn(COMPLETED, "exit code 0");

        assertThat(events).containsExactly("Running -> Completed: exit code 0");
    }

    @ParameterizedTest
    @EnumSource(ProcessState.class)
    void everyTransitionOutsideTheTableThrowsAndChangesNothing(ProcessState from) {
        for (ProcessState to : ProcessState.values()) {
            if (StateMachine.allowed(from, to)) {
                continue;
            }
            StateMachine m = new StateMachine(from, recorder);
            assertThatThrownBy(() -> m.to(to, "why")).isInstanceOf(IllegalStateException.class)
                    .hasMessage("no transition from " + from.label() + " to " + to.label() + " (why)");
            assertThat(m.state()).isEqualTo(from);
        }
        assertThat(events).isEmpty();
    }

    @Test
    void nothingButAStartLeavesAStateWhereNoProcessIsAlive() {
        for (ProcessState from : ProcessState.values()) {
            if (from.isTerminal()) {
                assertThat(StateMachine.TRANSITIONS.get(from)).isSubsetOf(Set.of(RUNNING, ERROR));
            }
        }
    }
}
