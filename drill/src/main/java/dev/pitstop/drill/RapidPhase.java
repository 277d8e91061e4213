package dev.pitstop.drill;

import dev.pitstop.control.ReloadOutcome;
import dev.pitstop.control.Reloaded;
import dev.pitstop.drill.host.ProcTable;
import dev.pitstop.drill.host.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code rounds} consecutive reloads of one process, timed, then the leak checks: the supervisor has as many
 * processes below it as before, no zombie, about as many descriptors, and an RSS that did not run away.
 */
final class RapidPhase {
    /** Descriptors a JVM opens on its own over a run (class files, a log rolled); more is a leak per reload. */
    static final int FD_SLACK = 8;
    static final long RSS_SLACK_KB = 64 * 1024;

    private final DrillContext ctx;
    private final ProcTable proc;
    private final List<Long> times = new ArrayList<>();
    private int failures;

    RapidPhase(DrillContext ctx, ProcTable proc) {
        this.ctx = ctx;
        this.proc = proc;
    }

    /** The process to reload: the first running one that runs a managed binary, else the first running one. */
    String target() {
        List<String> running = ctx.running();
        return running.stream().filter(n -> !ctx.stack.processes().get(n).binaries().isEmpty()).findFirst()
                .orElse(running.isEmpty() ? null : running.get(0));
    }

    Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("reloads", times.size() + failures);
        figures.put("failures", failures);
        figures.put("p50_ms", Stats.percentile(times, 50));
        figures.put("p95_ms", Stats.percentile(times, 95));
        figures.put("max_ms", times.stream().mapToLong(Long::longValue).max().orElse(0));
        return figures;
    }

    void run(PhaseRecorder phase) {
        String name = target();
        if (name == null) {
            phase.skip("no running process");
            return;
        }
        boolean leaks = proc.available() && ctx.supervisorPid() > 0;
        Usage before = leaks ? proc.usage(ctx.supervisorPid()) : null;
        for (int i = 1; i <= ctx.options.rounds(); i++) {
            phase.step("reload " + name + " #" + i, step -> once(step, name));
        }
        if (!leaks) {
            phase.step("leak checks", step -> step.check("/proc readable", false,
                    "no /proc or no supervisor pid: leaks cannot be counted here"));
            return;
        }
        phase.step("leak checks after " + ctx.options.rounds() + " reloads of " + name, step -> leaks(step, before));
    }

    private void once(Step step, String name) {
        ReloadOutcome outcome = ctx.reload(step, name);
        if (outcome instanceof Reloaded r) {
            times.add(r.tookMs());
            step.fact("ready_ms", r.tookMs());
            step.check("reloaded", r.newPid() != r.oldPid(), r.oldPid() + " \u2192 " + r.newPid() + " in "
                    + r.tookMs() + " ms");
        } else {
            failures++;
            SinglePhase.checkReloaded(step, outcome);
        }
    }

    private void leaks(Step step, Usage before) {
        for (String name : ctx.running()) {
            ctx.awaitReady(name); // dependents that restart settle first, or they count as extra processes
        }
        long pid = ctx.supervisorPid();
        // a process that was just replaced may take a moment to be reaped; the count must settle, not merely pass by
        Supplier<Usage> now = () -> proc.usage(pid);
        Usage[] after = {now.get()};
        DrillContext.until(() -> {
            after[0] = now.get();
            return after[0].descendants() <= before.descendants() && after[0].zombies() == 0;
        }, Duration.ofSeconds(5));
        Usage a = after[0];
        step.fact("processes_before", before.descendants());
        step.fact("processes_after", a.descendants());
        step.fact("fds_before", before.fds());
        step.fact("fds_after", a.fds());
        step.fact("rss_kb_before", before.rssKb());
        step.fact("rss_kb_after", a.rssKb());
        step.check("no reload failed", failures == 0, failures + " of " + ctx.options.rounds() + " failed");
        step.check("processes", a.descendants() == before.descendants(), before.descendants() + " \u2192 "
                + a.descendants());
        step.check("no zombie", a.zombies() == 0, a.zombies() + " zombie(s) below the supervisor");
        step.check("supervisor fds", a.fds() <= before.fds() + FD_SLACK, before.fds() + " \u2192 " + a.fds()
                + " (slack " + FD_SLACK + ")");
        step.check("supervisor RSS", a.rssKb() <= before.rssKb() + RSS_SLACK_KB, before.rssKb() + " kB \u2192 "
                + a.rssKb() + " kB (slack " + RSS_SLACK_KB + " kB)");
        ctx.checkSupervisor(step);
    }
}
