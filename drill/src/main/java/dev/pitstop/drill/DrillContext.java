package dev.pitstop.drill;

import dev.pitstop.control.ControlApi;
import dev.pitstop.control.ReloadOutcome;
import dev.pitstop.core.process.Health;
import dev.pitstop.core.process.ProcessState;
import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.Stack;
import dev.pitstop.drill.host.Supervisor;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

/** What every phase works with: the API, the stack as read, the supervisor, and the waits they share. */
final class DrillContext {
    private static final long POLL_MILLIS = 100;

    final ControlApi api;
    final Stack stack;
    final DrillOptions options;
    final Integrity integrity;
    private final Supervisor supervisor;
    private final long supervisorPid;

    DrillContext(ControlApi api, Stack stack, Supervisor supervisor, DrillOptions options, Integrity integrity) {
        this.api = api;
        this.stack = stack;
        this.supervisor = supervisor;
        this.options = options;
        this.integrity = integrity;
        this.supervisorPid = supervisor.pid().orElse(-1);
    }

    long supervisorPid() {
        return supervisorPid;
    }

    /** Running, and ready if it has a readiness check: what "serves" means to the drill. */
    static boolean ready(ProcessStatus s) {
        return s.state() == ProcessState.RUNNING && s.health() != Health.NOT_READY && s.pid() > 0;
    }

    /** The processes to reload: those running when asked, in file order. */
    List<String> running() {
        return api.processes().stream().filter(s -> s.state() == ProcessState.RUNNING).map(ProcessStatus::name)
                .toList();
    }

    /** The processes whose {@code depends_on} names {@code name}. */
    List<String> dependents(String name) {
        return stack.processes().values().stream().filter(p -> !p.disabled() && p.dependsOn().containsKey(name))
                .map(ProcessSpec::name).toList();
    }

    Duration readyTimeout(String name) {
        ProcessSpec spec = stack.processes().get(name);
        return spec == null ? options.readyTimeout() : options.readyTimeout().plus(spec.reloadTimeout());
    }

    /** Waits until the process is ready; the status it ended with. */
    ProcessStatus awaitReady(String name) {
        ProcessStatus[] last = {api.process(name)};
        until(() -> ready(last[0] = api.process(name)), readyTimeout(name));
        return last[0];
    }

    /** Reloads one process with the integrity probe around it. */
    ReloadOutcome reload(Step step, String name) {
        integrity.beforeReload(step);
        ReloadOutcome outcome = api.reload(name);
        integrity.afterReload(step);
        return outcome;
    }

    List<ReloadOutcome> reload(Step step, List<String> names) {
        integrity.beforeReload(step);
        List<ReloadOutcome> outcomes = api.reload(names);
        integrity.afterReload(step);
        return outcomes;
    }

    /** The stack keeps running throughout: the supervisor that ran at the start runs still. */
    boolean checkSupervisor(Step step) {
        OptionalLong now = supervisor.pid();
        return step.check("supervisor pid unchanged", now.isPresent() && now.getAsLong() == supervisorPid,
                supervisorPid + " \u2192 " + (now.isPresent() ? now.getAsLong() : "gone"));
    }

    /**
     * Polls {@code condition} until it holds or the deadline passes. The control API answers state, not
     * changes, so a bounded poll is the way to see a process come back.
     */
    static boolean until(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting", e);
            }
        }
    }
}
