package dev.pitstop.drill;

import dev.pitstop.control.ReloadFailed;
import dev.pitstop.control.ReloadOutcome;
import dev.pitstop.control.Reloaded;
import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.core.store.ProcessSnapshot;
import dev.pitstop.core.store.Manifest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every running process reloaded once: old → new pid, the executable's SHA-256 before and after, the time until
 * ready, its dependents ready again, the supervisor unchanged.
 */
final class SinglePhase {
    private final DrillContext ctx;

    SinglePhase(DrillContext ctx) {
        this.ctx = ctx;
    }

    void run(PhaseRecorder phase) {
        for (String name : ctx.running()) {
            phase.step("reload " + name, step -> reload(step, name));
        }
    }

    private void reload(Step step, String name) {
        ProcessSnapshot before = ctx.api.snapshot().processes().get(name);
        String shaBefore = before == null || before.executable() == null ? null : before.executable().hex();
        ReloadOutcome outcome = ctx.reload(step, name);
        if (!checkReloaded(step, outcome)) {
            return;
        }
        Reloaded r = (Reloaded) outcome;
        step.fact("old_pid", r.oldPid());
        step.fact("new_pid", r.newPid());
        step.fact("sha256_before", shaBefore);
        step.fact("sha256_after", r.sha256());
        step.fact("ready_ms", r.tookMs());
        step.check("new pid", r.newPid() > 0 && r.newPid() != r.oldPid(), r.oldPid() + " \u2192 " + r.newPid());
        ProcessStatus now = ctx.awaitReady(name);
        step.check("ready", DrillContext.ready(now), now.state().label() + "/" + now.health().label());
        runsCurrentVersion(step, name);
        dependentsReady(step, name);
        ctx.checkSupervisor(step);
    }

    /**
     * A process that runs a managed binary runs its current version after the reload. For other processes the
     * SHA-256s are facts only: a command like {@code echo up; exec server} is a shell until it execs, so what
     * {@code /proc/PID/exe} names depends on the moment it is read.
     */
    private void runsCurrentVersion(Step step, String name) {
        Set<String> binaries = ctx.stack.processes().get(name).binaries();
        if (binaries.isEmpty()) {
            return;
        }
        Manifest manifest = ctx.api.manifest();
        Set<String> current = binaries.stream().map(manifest::current).flatMap(Optional::stream)
                .map(v -> v.sha256().hex()).collect(Collectors.toSet());
        ProcessSnapshot after = ctx.api.snapshot().processes().get(name);
        String running = after == null || after.executable() == null ? null : after.executable().hex();
        step.check("runs the current version of " + String.join(", ", binaries), current.contains(running),
                shortSha(running));
    }

    /** A failed reload is a failed check with the reason and the last lines the process wrote. */
    static boolean checkReloaded(Step step, ReloadOutcome outcome) {
        if (outcome instanceof ReloadFailed f) {
            step.check("reloaded", false, f.error() + (f.lastLogLines().isEmpty() ? ""
                    : " | last lines: " + String.join(" / ", f.lastLogLines())));
            return false;
        }
        return step.check("reloaded", true, "ready in " + ((Reloaded) outcome).tookMs() + " ms");
    }

    /** Dependents stay ready, or are ready again within their timeout (clients reconnect). */
    void dependentsReady(Step step, String name) {
        List<String> dependents = ctx.dependents(name);
        for (String dependent : dependents) {
            ProcessStatus s = ctx.awaitReady(dependent);
            step.check("dependent " + dependent + " ready", DrillContext.ready(s),
                    s.state().label() + "/" + s.health().label() + ", pid " + s.pid());
        }
    }

    static String shortSha(String hex) {
        return hex == null ? "-" : hex.substring(0, Math.min(12, hex.length()));
    }
}
