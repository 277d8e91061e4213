package dev.pitstop.core.engine;

import dev.pitstop.core.InstallRequest;
import dev.pitstop.core.PitstopException;
import dev.pitstop.core.RollbackRequest;
import dev.pitstop.core.SwapResult;
import dev.pitstop.core.event.EventType;
import dev.pitstop.core.process.ReloadResult;
import dev.pitstop.core.process.Supervisor;
import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.Stack;
import dev.pitstop.core.store.BinaryRecord;
import dev.pitstop.core.store.BinaryVersion;
import dev.pitstop.core.store.HistoryEntry;
import dev.pitstop.core.store.StoredBinary;
import dev.pitstop.core.trust.BinaryNotRunnableException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The engine's binary commands: install, reload through the store, rollback. Each one records in the
 * manifest and, when the stack runs, goes through the {@link HealthGatedSwap}. A swap holds the lock of its
 * binary and of every process that runs it ({@link OperationLocks}), so two swaps of one binary never interleave
 * their link switches, while swaps and reloads of unrelated binaries and processes run in parallel. Reads
 * ({@code ps}, the manifest) take no lock.
 */
final class BinaryOperations {
    private final OperationLocks locks = new OperationLocks();
    private final SharedAttempts<ReloadResult> reloads = new SharedAttempts<>();
    private final BinaryInstaller installer;
    private final HealthGatedSwap swap;
    private final Supervisor supervisor;
    private final BooleanSupplier running;

    BinaryOperations(BinaryInstaller installer, Supervisor supervisor, BooleanSupplier running) {
        this.installer = installer;
        this.swap = new HealthGatedSwap(installer, supervisor);
        this.supervisor = supervisor;
        this.running = running;
    }

    /**
     * Stores {@code file} as a new version of {@code binary} and swaps it in (health-gated when running). The
     * bytes of the current version are not installed again (that would only restart its processes) unless
     * the request is forced.
     */
    SwapResult install(Stack stack, InstallRequest request) {
        String binary = request.binary();
        BinaryInstaller.spec(stack, binary);
        return locks.withBinary(binary, stack.processesUsing(binary), () -> installLocked(stack, request));
    }

    private SwapResult installLocked(Stack stack, InstallRequest request) {
        String binary = request.binary();
        Path file = request.file();
        boolean force = request.force();
        Optional<BinaryVersion> current = installer.manifest(stack).current(binary);
        if (!force && current.isPresent() && current.get().sha256().equals(installer.hash(file))) {
            String label = current.get().label();
            return new SwapResult(binary, label, label, List.of());
        }
        BinaryInstaller.Candidate candidate;
        try {
            candidate = installer.storeCandidate(stack, binary, file, request.version().orElse(null), force);
        } catch (BinaryNotRunnableException e) {
            supervisor.publish(EventType.WARNING, binary, "refused " + file + ": " + e.getMessage());
            throw e;
        }
        supervisor.publish(EventType.BINARY_STORED, binary, candidate.version().label());
        return swapIn(stack, binary, candidate);
    }

    /**
     * Reloads a process; if it runs a {@code file} binary whose path holds bytes the manifest never recorded, they
     * are stored, recorded as candidate and swapped in with rollback, instead of running unrecorded bytes; else the
     * current version restarts. Concurrent reloads of one process share one attempt.
     */
    ReloadResult reload(Stack stack, String process) {
        return reloads.run("the reload of " + process, () -> reloadOnce(stack, process));
    }

    private ReloadResult reloadOnce(Stack stack, String process) {
        ProcessSpec spec = stack.processes().get(process);
        for (String binary : spec == null ? Set.<String>of() : spec.binaries()) {
            Optional<Path> changed = newBytesAtPath(stack, binary, "");
            if (changed.isPresent()) {
                SwapResult result = install(stack, InstallRequest.of(binary, changed.get()));
                Optional<ReloadResult> mine = result.reloads().stream().filter(r -> r.name().equals(process)).findFirst();
                if (mine.isPresent()) {
                    return mine.get();
                }
            }
        }
        return locks.withProcess(process, () -> supervisor.reload(process));
    }

    /**
     * For a watched {@code file} binary: if the file at its path holds bytes the manifest never recorded, stores
     * them and swaps them in (health-gated), as {@link #install} does; else nothing (with a warning for known bytes
     * that are not current).
     */
    Optional<SwapResult> installChangedFile(Stack stack, String binary) {
        return locks.withBinary(binary, stack.processesUsing(binary), () -> {
            Optional<Path> changed = newBytesAtPath(stack, binary, "watched file not applied: ");
            return changed.map(file -> installLocked(stack, InstallRequest.of(binary, file)));
        });
    }

    /**
     * Swaps back to an earlier stored version: the previous one, or the one whose version label or SHA-256
     * (prefix) the request names.
     */
    SwapResult rollback(Stack stack, RollbackRequest request) {
        String binary = request.binary();
        String to = request.to().orElse(null);
        boolean force = request.force();
        BinaryInstaller.spec(stack, binary);
        return locks.withBinary(binary, stack.processesUsing(binary), () -> rollbackLocked(stack, binary, to, force));
    }

    private SwapResult rollbackLocked(Stack stack, String binary, String to, boolean force) {
        BinaryRecord record = installer.manifest(stack).binary(binary)
                .orElseThrow(() -> new PitstopException(binary + ": nothing recorded yet, so nothing to roll back to"));
        BinaryVersion target = (to == null ? record.previous() : find(record, to))
                .orElseThrow(() -> new PitstopException(binary + ": no earlier version "
                        + (to == null ? "recorded" : "matches '" + to + "'") + "; see `pitstop manifest show`"));
        if (record.current() != null && record.current().sha256().equals(target.sha256())) {
            throw new PitstopException(binary + ": " + target.label() + " is already current");
        }
        if (!force && record.isBad(target.sha256())) {
            throw new PitstopException(binary + ": " + target.label() + " was marked bad; add --force to use it anyway");
        }
        StoredBinary stored = installer.stored(target.sha256(), binary)
                .orElseThrow(() -> new PitstopException(binary + ": " + target.label()
                        + " is no longer in the store (garbage-collected?); install it again"));
        return swap.apply(stack, new SwapPlan.Rollback(binary, stored, target, force), running.getAsBoolean());
    }

    /** Swaps in a candidate that is already stored and recorded (by a fetch). */
    SwapResult swapCandidate(Stack stack, String binary, BinaryInstaller.Candidate candidate) {
        return locks.withBinary(binary, stack.processesUsing(binary), () -> swapIn(stack, binary, candidate));
    }

    private SwapResult swapIn(Stack stack, String binary, BinaryInstaller.Candidate candidate) {
        return swap.apply(stack, new SwapPlan.Promotion(binary, candidate.stored(), candidate.version()),
                running.getAsBoolean());
    }

    /**
     * The file at a {@code file:} binary's path if it holds new bytes (see {@link PathFile}); known bytes that are not
     * current (replaced by an install, rolled back, marked bad) are not taken, and a one-line warning says so.
     */
    private Optional<Path> newBytesAtPath(Stack stack, String binary, String context) {
        Optional<PathFile> file = installer.fileAtPath(stack, binary);
        file.flatMap(PathFile::notTaken).ifPresent(note -> supervisor.publish(EventType.WARNING, binary, context + note));
        return file.filter(PathFile::isNew).map(PathFile::path);
    }

    private static Optional<BinaryVersion> find(BinaryRecord record, String to) {
        List<HistoryEntry> history = record.history();
        for (int i = history.size() - 1; i >= 0; i--) {
            BinaryVersion v = history.get(i).binary();
            if (v.version().equals(to) || (to.length() >= 6 && v.sha256().hex().startsWith(to.toLowerCase(java.util.Locale.ROOT)))) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
