package dev.pitstop.drill;

import dev.pitstop.control.SwapFailed;
import dev.pitstop.control.SwapOutcome;
import dev.pitstop.control.Swapped;
import dev.pitstop.core.InstallRequest;
import dev.pitstop.core.PitstopException;
import dev.pitstop.core.RollbackRequest;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.store.BinaryRecord;
import dev.pitstop.core.store.BinaryVersion;
import dev.pitstop.core.store.ProcessSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * For each managed binary that runs: broken candidates offered through the real swap path ({@code install}); each
 * must be refused or rolled back, the old version must serve again, the manifest must record it bad, and its bytes
 * must not stay in {@code .pitstop/bin}.
 */
final class FailurePhase {
    private final DrillContext ctx;
    private final Path workDir;

    /** @param workDir an empty folder of the drill's own for the candidates */
    FailurePhase(DrillContext ctx, Path workDir) {
        this.ctx = ctx;
        this.workDir = workDir;
    }

    void run(PhaseRecorder phase) throws IOException {
        List<String> binaries = ctx.stack.binaries().keySet().stream()
                .filter(b -> ctx.stack.processesUsing(b).stream().anyMatch(ctx.running()::contains)).toList();
        if (binaries.isEmpty()) {
            phase.skip("no running process runs a managed binary");
            return;
        }
        for (String binary : binaries) {
            Path link = binDir().resolve(binary);
            byte[] working = Files.readAllBytes(link);
            boolean gated = ctx.stack.processesUsing(binary).stream().map(ctx.stack.processes()::get)
                    .allMatch(FailurePhase::gated);
            Path dir = Files.createDirectories(workDir.resolve(binary));
            for (BrokenCandidates.Candidate c : new BrokenCandidates(dir).make(binary, working, gated)) {
                if (c.file() == null) {
                    phase.step(binary + ": " + c.kind(), step -> step.fact("skipped", c.skipped()));
                } else {
                    phase.step(binary + ": " + c.kind(), step -> offer(step, binary, c));
                }
            }
        }
    }

    private Path binDir() {
        return ctx.stack.stateDir().resolve("bin");
    }

    private void offer(Step step, String binary, BrokenCandidates.Candidate candidate) {
        Sha256 bad = sha(candidate.file());
        Sha256 current = ctx.api.manifest().current(binary).map(BinaryVersion::sha256).orElse(null);
        Map<String, String> exesBefore = executables(binary);
        step.fact("candidate_sha256", bad.hex());
        SwapOutcome outcome;
        try {
            outcome = ctx.api.install(InstallRequest.of(binary, candidate.file()).version("drill-"
                    + candidate.kind().replace(' ', '-')).forced());
        } catch (PitstopException e) {
            step.check("refused", true, e.getMessage());
            afterRefusal(step, binary, bad, current, exesBefore);
            return;
        }
        if (outcome instanceof Swapped s) {
            step.check("refused or rolled back", false, "the broken candidate was swapped in: " + s.from()
                    + " \u2192 " + s.to());
            restore(step, binary, current);
            return;
        }
        SwapFailed f = (SwapFailed) outcome;
        step.check("rolled back", f.restored() != null, f.reason() + "; " + f.outcome());
        BinaryRecord record = ctx.api.manifest().binary(binary).orElse(BinaryRecord.empty());
        step.check("manifest records it bad", record.isBad(bad), "sha256 " + bad.shortHex());
        afterRefusal(step, binary, bad, current, exesBefore);
    }

    /** A candidate that got in is taken out again, so the phases after this one drill the real version. */
    private void restore(Step step, String binary, Sha256 current) {
        if (current == null) {
            return;
        }
        SwapOutcome back = ctx.api.rollback(RollbackRequest.to(binary, current.hex()).forced());
        step.check("restored " + current.shortHex(), back.ok(), back instanceof SwapFailed f ? f.error() : "rolled back");
    }

    private void afterRefusal(Step step, String binary, Sha256 bad, Sha256 current, Map<String, String> exesBefore) {
        Sha256 now = ctx.api.manifest().current(binary).map(BinaryVersion::sha256).orElse(null);
        step.check("current version unchanged", current == null ? now == null : current.equals(now),
                (current == null ? "-" : current.shortHex()) + " \u2192 " + (now == null ? "-" : now.shortHex()));
        for (String process : ctx.stack.processesUsing(binary)) {
            ProcessStatus s = ctx.awaitReady(process);
            step.check(process + " serves again", DrillContext.ready(s), s.state().label() + "/"
                    + s.health().label() + ", pid " + s.pid());
        }
        Map<String, String> exesAfter = executables(binary);
        step.check("old version runs", exesAfter.equals(exesBefore), "executables " + exesAfter);
        List<Path> left = filesWith(bad);
        step.check("bad bytes not in .pitstop/bin", left.isEmpty(), left.isEmpty() ? "none" : left.toString());
        Sha256 link = sha(binDir().resolve(binary));
        step.check(".pitstop/bin/" + binary + " is the current version", link.equals(current),
                link.shortHex());
        ctx.checkSupervisor(step);
    }

    /** The SHA-256 of what each process of the binary runs (12 hex digits), from a snapshot. */
    private Map<String, String> executables(String binary) {
        Map<String, ProcessSnapshot> all = ctx.api.snapshot().processes();
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : ctx.stack.processesUsing(binary)) {
            ProcessSnapshot s = all.get(p);
            out.put(p, s == null || s.executable() == null ? "-" : s.executable().shortHex());
        }
        return out;
    }

    private List<Path> filesWith(Sha256 bad) {
        try (Stream<Path> files = Files.walk(binDir())) {
            return files.filter(Files::isRegularFile).filter(f -> bad.equals(sha(f))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + binDir(), e);
        }
    }

    private static Sha256 sha(Path file) {
        try {
            return Sha256.ofFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Whether readiness means more than "started": without a check, a candidate that hangs looks ready. */
    static boolean gated(ProcessSpec p) {
        return p.readinessProbe() != null || p.readyLogLine() != null || p.readyNotification() != null;
    }
}
