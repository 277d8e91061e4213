package dev.pitstop.core.engine;

import dev.pitstop.core.SwapFailedException;
import dev.pitstop.core.SwapResult;
import dev.pitstop.core.event.EventType;
import dev.pitstop.core.process.ReloadFailedException;
import dev.pitstop.core.process.ReloadResult;
import dev.pitstop.core.process.Supervisor;
import dev.pitstop.core.stack.Stack;
import dev.pitstop.core.store.BinaryVersion;
import dev.pitstop.core.store.Manifest;
import dev.pitstop.core.store.StoredBinary;
import dev.pitstop.core.trust.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reload protocol of the design: switch {@code bin/NAME} to the new version, reload every process that
 * runs it and wait for readiness; on failure switch back, start the previous version again, and report why.
 * What the manifest records on success and on failure is the caller's choice (a swap promotes the candidate
 * or marks it bad; a rollback makes the earlier version current or leaves the manifest alone).
 */
final class HealthGatedSwap {
    private final BinaryInstaller installer;
    private final Supervisor supervisor;
    private final Preflight preflight;

    HealthGatedSwap(BinaryInstaller installer, Supervisor supervisor) {
        this.installer = installer;
        this.supervisor = supervisor;
        this.preflight = new Preflight(supervisor);
    }

    /**
     * @param running whether the stack's processes are up; if not, only the link and the manifest change
     */
    SwapResult apply(Stack stack, SwapPlan plan, boolean running) {
        String binary = plan.binary();
        BinaryVersion nextVersion = plan.version();
        Manifest before = installer.manifest(stack);
        Optional<BinaryVersion> previousVersion = before.current(binary);
        Optional<StoredBinary> previous = previousVersion.flatMap(v -> installer.stored(v.sha256(), binary));
        String from = previousVersion.map(BinaryVersion::label).orElse(null);
        List<String> processes = running ? stack.processesUsing(binary) : List.of();

        installer.link(stack, plan.next());
        List<Evidence> preflights;
        try {
            preflights = preflight.run(stack, processes);
        } catch (ReloadFailedException e) {
            // nothing was stopped yet: only the link goes back, and the old processes never noticed
            previous.ifPresent(p -> installer.link(stack, p));
            installer.update(stack, m -> plan.onFailure(m, e.getMessage(), installer.now()));
            supervisor.publish(EventType.WARNING, binary, nextVersion.label() + " refused before anything stopped: "
                    + e.getMessage());
            throw new SwapFailedException(binary, nextVersion.label(), previous.isPresent() ? from : null, e, null);
        }
        List<ReloadResult> reloads = new ArrayList<>();
        try {
            for (String process : processes) {
                reloads.add(supervisor.reload(process));
            }
        } catch (RuntimeException e) {
            // any failure (not only a failed readiness wait: a supervisor that gave up waiting, an unknown
            // process) must put the previous version back, or the link would stay on an unproven binary
            ReloadFailedException failure = e instanceof ReloadFailedException r ? r
                    : new ReloadFailedException(binary, String.valueOf(e.getMessage()), null, List.of());
            // the reason, not the last output: the supervisor's log of a process also holds the previous run's
            // shutdown lines, read at about the time the candidate failed, so a "last line" could be the old one's
            String reason = failure.getMessage();
            String restoreProblem = null;
            if (previous.isPresent()) {
                installer.link(stack, previous.get());
                restoreProblem = restart(processes);
            } else {
                processes.forEach(supervisor::stop);
            }
            installer.update(stack, m -> plan.onFailure(m, reason, installer.now()));
            supervisor.publish(EventType.ROLLED_BACK, binary, nextVersion.label() + " failed (" + reason + "); "
                    + (from == null ? "nothing to restore" : "back on " + from));
            throw new SwapFailedException(binary, nextVersion.label(), previous.isPresent() ? from : null, failure,
                    restoreProblem);
        }
        installer.update(stack, m -> plan.onSuccess(withPreflights(m, plan, preflights), installer.now()));
        supervisor.publish(plan.succeeded(), binary, (from == null ? "" : from + " -> ") + nextVersion.label());
        return new SwapResult(binary, from, nextVersion.label(), reloads);
    }

    /** The candidate's record gains the preflights it passed, so the history keeps them. */
    private static Manifest withPreflights(Manifest m, SwapPlan plan, List<Evidence> preflights) {
        boolean isCandidate = m.candidate(plan.binary()).map(c -> c.sha256().equals(plan.version().sha256())).orElse(false);
        Manifest annotated = m;
        for (Evidence e : isCandidate ? preflights : List.<Evidence>of()) {
            annotated = annotated.withCandidateEvidence(plan.binary(), e);
        }
        return annotated;
    }

    /** Starts the previous version again; returns why that failed too, or {@code null}. */
    private String restart(List<String> processes) {
        List<String> problems = new ArrayList<>();
        for (String process : processes) {
            try {
                supervisor.reload(process);
            } catch (RuntimeException e) {
                // one process that does not come back must not keep the others, or the manifest, from being restored
                problems.add(e.getMessage());
            }
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }
}
