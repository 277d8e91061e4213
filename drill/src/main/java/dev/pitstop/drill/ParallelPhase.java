package dev.pitstop.drill;

import dev.pitstop.control.ReloadOutcome;
import dev.pitstop.control.Reloaded;
import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.core.stack.DependencyReloadPolicy;
import dev.pitstop.core.stack.ProcessSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

/**
 * All running processes reloaded at once, {@code rounds} times; each round every one must be ready again. A
 * process that restarts on its own when a dependency reloads ({@code on_dependency_reload: restart}) is left to
 * that restart rather than reloaded in the same call: the two would race for it. It must get a new pid all the same.
 */
final class ParallelPhase {
    private final DrillContext ctx;
    private final List<Long> roundMs = new ArrayList<>();

    ParallelPhase(DrillContext ctx) {
        this.ctx = ctx;
    }

    List<Long> roundMs() {
        return roundMs;
    }

    void run(PhaseRecorder phase) {
        List<String> running = ctx.running();
        List<String> cascaded = running.stream().filter(n -> restartsWithADependency(n, running)).toList();
        List<String> names = running.stream().filter(n -> !cascaded.contains(n)).toList();
        if (names.size() < 2) {
            phase.skip("fewer than two running processes to reload together");
            return;
        }
        for (int round = 1; round <= ctx.options.rounds(); round++) {
            phase.step("round " + round + ": reload " + String.join(", ", names)
                    + (cascaded.isEmpty() ? "" : " (restarting with them: " + String.join(", ", cascaded) + ")"),
                    step -> round(step, names, cascaded));
        }
    }

    private boolean restartsWithADependency(String name, List<String> running) {
        ProcessSpec spec = ctx.stack.processes().get(name);
        return spec.onDependencyReload() == DependencyReloadPolicy.RESTART
                && spec.dependsOn().keySet().stream().anyMatch(running::contains);
    }

    private void round(Step step, List<String> names, List<String> cascaded) {
        long started = System.nanoTime();
        Map<String, Long> pids = new LinkedHashMap<>();
        cascaded.forEach(n -> pids.put(n, ctx.api.process(n).pid()));
        List<ReloadOutcome> outcomes = ctx.reload(step, names);
        pids.forEach((n, before) -> {
            boolean restarted = DrillContext.until(() -> ctx.api.process(n).pid() != before, ctx.readyTimeout(n));
            step.check(n + " restarted with its dependency", restarted, "pid " + before + " \u2192 "
                    + ctx.api.process(n).pid());
        });
        for (ReloadOutcome outcome : outcomes) {
            if (outcome instanceof Reloaded r) {
                step.check(r.name() + " new pid", r.newPid() != r.oldPid(),
                        r.oldPid() + " \u2192 " + r.newPid() + " in " + r.tookMs() + " ms");
            } else {
                SinglePhase.checkReloaded(step, outcome);
            }
        }
        for (String name : java.util.stream.Stream.concat(names.stream(), cascaded.stream()).toList()) {
            ProcessStatus s = ctx.awaitReady(name);
            step.check(name + " ready", DrillContext.ready(s), s.state().label() + "/" + s.health().label());
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        roundMs.add(ms);
        step.fact("round_ms", ms);
        ctx.checkSupervisor(step);
    }
}
