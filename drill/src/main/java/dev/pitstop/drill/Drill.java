package dev.pitstop.drill;

import dev.pitstop.control.ControlApi;
import dev.pitstop.control.Verified;
import dev.pitstop.core.stack.Stack;
import dev.pitstop.core.store.Snapshot;
import dev.pitstop.core.store.SnapshotDiff;
import dev.pitstop.core.store.StackInspector;
import dev.pitstop.drill.host.ProcTable;
import dev.pitstop.drill.host.Supervisor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * {@code pitstop drill}: the reload regression suite for a running stack, through its {@link ControlApi} only.
 *
 * <pre>{@code
 * DrillReport report = new Drill(api, stack, Supervisor.thisProcess(), inspector, DrillListener.NONE)
 *         .run(DrillOptions.all().withRounds(3));
 * new ReportFiles(reportDir).write(report);
 * }</pre>
 *
 * A snapshot and a verify are taken before and after; between them run the chosen phases in {@link Phase} order,
 * with the integrity checks (when chosen) running around all of them.
 */
public final class Drill {
    private final ControlApi api;
    private final Stack stack;
    private final Supervisor supervisor;
    private final StackInspector inspector;
    private final DrillListener listener;
    private final Clock clock;

    /**
     * @param stack the stack as read from its file: its processes, binaries and {@code drill:} section
     * @param inspector compares the snapshots taken before and after
     */
    public Drill(ControlApi api, Stack stack, Supervisor supervisor, StackInspector inspector, DrillListener listener) {
        this(api, stack, supervisor, inspector, listener, Clock.systemUTC());
    }

    Drill(ControlApi api, Stack stack, Supervisor supervisor, StackInspector inspector, DrillListener listener,
          Clock clock) {
        this.api = Objects.requireNonNull(api, "api");
        this.stack = Objects.requireNonNull(stack, "stack");
        this.supervisor = Objects.requireNonNull(supervisor, "supervisor");
        this.inspector = Objects.requireNonNull(inspector, "inspector");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = clock;
    }

    public DrillReport run(DrillOptions options) {
        Instant started = clock.instant();
        Path work = tempDir();
        List<DrillReport.PhaseResult> phases = new ArrayList<>();
        Map<String, Map<String, Object>> figures = new LinkedHashMap<>();
        Integrity integrity = options.has(Phase.INTEGRITY)
                ? new Integrity(stack.drill(), new ShellCommand(stack, work)) : Integrity.none();
        DrillContext ctx = new DrillContext(api, stack, supervisor, options, integrity);
        try {
            PhaseRecorder before = new PhaseRecorder("before", listener);
            Snapshot[] first = new Snapshot[1];
            Verified[] verifiedBefore = new Verified[1];
            before.step("snapshot and verify", step -> {
                first[0] = api.snapshot();
                verifiedBefore[0] = verify(step);
                step.check("supervisor running", ctx.supervisorPid() > 0, "pid " + ctx.supervisorPid());
                for (String name : ctx.running()) {
                    step.check(name + " ready", DrillContext.ready(ctx.awaitReady(name)), "before any reload");
                }
            });
            phases.add(before.result());

            PhaseRecorder integrityPhase = options.has(Phase.INTEGRITY) ? new PhaseRecorder("integrity", listener) : null;
            if (integrityPhase != null) {
                integrity.start(integrityPhase);
            }
            if (options.has(Phase.SINGLE)) {
                phases.add(run("single", phase -> new SinglePhase(ctx).run(phase)));
            }
            if (options.has(Phase.PARALLEL)) {
                ParallelPhase parallel = new ParallelPhase(ctx);
                phases.add(run("parallel", parallel::run));
                Map<String, Object> rounds = new LinkedHashMap<>();
                rounds.put("rounds", parallel.roundMs().size());
                rounds.put("p50_ms", Stats.percentile(parallel.roundMs(), 50));
                rounds.put("p95_ms", Stats.percentile(parallel.roundMs(), 95));
                figures.put("parallel", rounds);
            }
            if (options.has(Phase.CASCADE)) {
                phases.add(run("cascade", phase -> new CascadePhase(ctx).run(phase)));
            }
            if (options.has(Phase.RAPID)) {
                RapidPhase rapid = new RapidPhase(ctx, new ProcTable());
                phases.add(run("rapid", rapid::run));
                figures.put("rapid", rapid.figures());
            }
            if (options.has(Phase.FAILURE)) {
                phases.add(run("failure", phase -> {
                    try {
                        new FailurePhase(ctx, Files.createDirectories(work.resolve("candidates"))).run(phase);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
            if (integrityPhase != null) {
                integrity.finish(integrityPhase);
                phases.add(integrityPhase.result());
                figures.put("integrity", integrity.figures());
            }

            PhaseRecorder after = new PhaseRecorder("after", listener);
            List<String> diff = new ArrayList<>();
            Verified[] verifiedAfter = new Verified[1];
            after.step("snapshot and verify", step -> {
                verifiedAfter[0] = verify(step);
                SnapshotDiff d = inspector.diff(first[0], api.snapshot());
                d.changed().forEach(e -> diff.add(SnapshotLines.line(e)));
                List<String> drifted = d.changed().stream().filter(SnapshotLines::drifted).map(SnapshotDiff.Entry::name)
                        .toList();
                step.check("no binary or version changed, none added or removed", drifted.isEmpty(),
                        drifted.isEmpty() ? diff.size() + " restarted" : "changed: " + drifted);
                ctx.checkSupervisor(step);
            });
            phases.add(after.result());
            return new DrillReport(stack.file() == null ? "" : stack.file().toString(), started, clock.instant(),
                    phases, verifiedBefore[0], verifiedAfter[0], diff, figures);
        } finally {
            integrity.close();
            deleteQuietly(work);
        }
    }

    private DrillReport.PhaseResult run(String name, PhaseBody body) {
        PhaseRecorder phase = new PhaseRecorder(name, listener);
        try {
            body.run(phase);
        } catch (RuntimeException e) {
            phase.step("phase aborted", step -> step.failed(e));
        }
        return phase.result();
    }

    private Verified verify(Step step) {
        Verified v = api.verify();
        step.check("verify", v.ok(), v.checked() + " checked, " + v.mismatches().size() + " mismatch(es)"
                + (v.mismatches().isEmpty() ? "" : ": " + v.mismatches()));
        return v;
    }

    @FunctionalInterface
    private interface PhaseBody {
        void run(PhaseRecorder phase);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("pitstop-drill-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder for the drill's candidates", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
