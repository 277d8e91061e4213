package dev.pitstop.drill;

import dev.pitstop.control.ReloadOutcome;
import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.core.stack.DependencyReloadPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each process that others depend on reloaded; each dependent then does what its {@code on_dependency_reload}
 * says: {@code restart} runs it again under a new pid, {@code ignore} keeps its pid; either way it is ready.
 */
final class CascadePhase {
    private final DrillContext ctx;

    CascadePhase(DrillContext ctx) {
        this.ctx = ctx;
    }

    void run(PhaseRecorder phase) {
        List<String> running = ctx.running();
        List<String> dependencies = running.stream().filter(n -> !ctx.dependents(n).isEmpty()).toList();
        if (dependencies.isEmpty()) {
            phase.skip("no running process has dependents");
            return;
        }
        for (String name : dependencies) {
            phase.step("reload " + name + " and its dependents", step -> cascade(step, name, running));
        }
    }

    private void cascade(Step step, String name, List<String> running) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String d : ctx.dependents(name)) {
            if (running.contains(d)) {
                pids.put(d, ctx.api.process(d).pid());
            }
        }
        ReloadOutcome outcome = ctx.reload(step, name);
        if (!SinglePhase.checkReloaded(step, outcome)) {
            return;
        }
        for (Map.Entry<String, Long> e : pids.entrySet()) {
            String d = e.getKey();
            DependencyReloadPolicy policy = ctx.stack.processes().get(d).onDependencyReload();
            long before = e.getValue();
            if (policy == DependencyReloadPolicy.RESTART) {
                boolean restarted = DrillContext.until(() -> ctx.api.process(d).pid() != before, ctx.readyTimeout(d));
                ProcessStatus s = ctx.awaitReady(d);
                step.check(d + " restarted (on_dependency_reload: restart)", restarted && DrillContext.ready(s),
                        "pid " + before + " \u2192 " + s.pid() + ", " + s.state().label() + "/" + s.health().label());
            } else {
                ProcessStatus s = ctx.awaitReady(d);
                // a dependent that ignores the reload must not have been restarted for it
                boolean kept = s.pid() == before && !DrillContext.until(() -> ctx.api.process(d).pid() != before,
                        Duration.ofMillis(300));
                step.check(d + " kept its pid (on_dependency_reload: ignore)", kept && DrillContext.ready(s),
                        "pid " + before + " \u2192 " + s.pid() + ", " + s.state().label() + "/" + s.health().label());
            }
        }
        ctx.checkSupervisor(step);
    }
}
