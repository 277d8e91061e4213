package dev.pitstop.core.engine;

import dev.pitstop.core.process.CheckResult;
import dev.pitstop.core.process.ReloadFailedException;
import dev.pitstop.core.process.Supervisor;
import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.Stack;
import dev.pitstop.core.trust.Evidence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code preflight:} of each process a swap reloads, run against the new binary (already linked) while the
 * old processes still run: a release that cannot even print its version is refused without any outage.
 */
final class Preflight {
    static final String EVIDENCE_KIND = "preflight";

    private final Supervisor supervisor;

    Preflight(Supervisor supervisor) {
        this.supervisor = supervisor;
    }

    /**
     * @return one piece of evidence per check that passed (none when no process has a preflight)
     * @throws ReloadFailedException for the first check that fails or misses its deadline (the process's
     *                               {@code reload_timeout_seconds}), with its last lines
     */
    List<Evidence> run(Stack stack, List<String> processes) {
        List<Evidence> passed = new ArrayList<>();
        for (String process : processes) {
            ProcessSpec spec = stack.processes().get(process);
            if (spec == null || spec.preflight() == null) {
                continue;
            }
            Duration timeout = spec.reloadTimeout();
            CheckResult result = supervisor.runCheck(process, spec.preflight(), timeout);
            String what = "preflight `" + spec.preflight() + "` of " + process + " " + result.summary();
            if (!result.ok()) {
                throw new ReloadFailedException(process, what, result.timedOut() ? null : result.exitCode(),
                        result.lastLines());
            }
            passed.add(new Evidence(EVIDENCE_KIND, what));
        }
        return passed;
    }
}
