package dev.pitstop.supervisor;

import dev.pitstop.core.process.ProcessState;
import dev.pitstop.core.stack.DependencyCondition;
import dev.pitstop.core.stack.ProcessSpec;
import java.util.Map;
import java.util.function.Function;

/** Decides from its dependencies' facts whether a pending process may start, must wait, or never can. */
final class DependencyGate {
    enum Verdict { START, WAIT, NEVER }

    /** The verdict and, for {@link Verdict#NEVER}, why. */
    record Decision(Verdict verdict, String reason) {}

    private DependencyGate() {}

    static Decision decide(ProcessSpec spec, Function<String, Facts> lookup) {
        boolean waiting = false;
        for (Map.Entry<String, DependencyCondition> dep : spec.dependsOn().entrySet()) {
            Facts facts = lookup.apply(dep.getKey());
            if (facts == null) {
                return new Decision(Verdict.NEVER, "depends on unknown process " + dep.getKey());
            }
            Verdict v = check(dep.getValue(), facts);
            if (v == Verdict.NEVER) {
                return new Decision(Verdict.NEVER, dep.getKey() + " can never be " + dep.getValue().yamlName()
                        + " (it is " + facts.state().label()
                        + (facts.exitCode() == null ? "" : ", exit code " + facts.exitCode()) + ")");
            }
            waiting |= v == Verdict.WAIT;
        }
        return new Decision(waiting ? Verdict.WAIT : Verdict.START, "");
    }

    static Verdict check(DependencyCondition condition, Facts f) {
        boolean over = f.state() == ProcessState.SKIPPED || f.state() == ProcessState.DISABLED
                || f.state().isTerminal() && !f.everStarted();
        boolean exited = f.state() == ProcessState.COMPLETED || f.state() == ProcessState.ERROR;
        switch (condition) {
            case PROCESS_STARTED:
                return f.everStarted() ? Verdict.START : over ? Verdict.NEVER : Verdict.WAIT;
            case PROCESS_COMPLETED:
                return exited && f.exitCode() != null ? Verdict.START : over ? Verdict.NEVER : Verdict.WAIT;
            case PROCESS_COMPLETED_SUCCESSFULLY:
                if (exited && f.exitCode() != null) {
                    return f.succeeded() ? Verdict.START : Verdict.NEVER;
                }
                return over ? Verdict.NEVER : Verdict.WAIT;
            case PROCESS_HEALTHY:
                return f.ready() ? Verdict.START : over || exited ? Verdict.NEVER : Verdict.WAIT;
            case PROCESS_LOG_READY:
                return f.logReady() ? Verdict.START : over || exited ? Verdict.NEVER : Verdict.WAIT;
            default:
                throw new IllegalArgumentException("unknown condition " + condition);
        }
    }
}
