package dev.pitstop.cli.text;

import dev.pitstop.control.Outdated;
import dev.pitstop.control.SwapFailed;
import dev.pitstop.control.Swapped;
import dev.pitstop.control.Verified;
import dev.pitstop.core.FetchResult;
import dev.pitstop.core.LockResult;
import dev.pitstop.core.PollResult;
import dev.pitstop.core.source.TransferCost;
import dev.pitstop.core.store.BinaryRecord;
import dev.pitstop.core.store.BinaryVersion;
import dev.pitstop.core.store.BuildRecord;
import dev.pitstop.core.store.HistoryEntry;
import dev.pitstop.core.store.Manifest;
import dev.pitstop.core.store.SourceCoordinates;
import dev.pitstop.core.trust.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Text renderings of the binary operations (install, rollback, manifest, verify, fetch, update, outdated).
 */
final class BinaryText {
    private BinaryText() {}

    static String swapped(Swapped s) {
        StringBuilder out = new StringBuilder(s.binary()).append(": ");
        out.append(s.from() == null ? "installed " + s.to() : s.from() + " \u2192 " + s.to()).append('\n');
        if (s.reloads().isEmpty()) {
            out.append("  no process is running it now; it is used from the next start\n");
        }
        s.reloads().forEach(r -> out.append("  ").append(ControlText.reloaded(r)));
        return out.toString();
    }

    static String swapFailed(SwapFailed f) {
        StringBuilder out = new StringBuilder(f.binary()).append(": candidate ").append(f.candidate())
                .append(" failed: ").append(f.reason()).append('\n');
        if (f.lastLogLines() != null && !f.lastLogLines().isEmpty()) {
            out.append("  last log lines:\n");
            f.lastLogLines().forEach(l -> out.append("    ").append(l).append('\n'));
        }
        out.append("  ").append(f.outcome()).append('\n');
        return out.toString();
    }

    static String manifest(Manifest m) {
        if (m.binaries().isEmpty()) {
            return "no binaries recorded yet\n";
        }
        StringBuilder out = new StringBuilder();
        m.binaries().forEach((name, record) -> binary(out, name, record));
        return out.toString();
    }

    private static void binary(StringBuilder out, String name, BinaryRecord r) {
        BinaryVersion c = r.current();
        out.append(name);
        if (c == null) {
            out.append("  (no current version)\n");
        } else {
            out.append("  ").append(c.version()).append("  ").append(c.sha256().shortHex()).append("  ")
                    .append(size(c.size())).append('\n');
            details(out, c);
        }
        if (r.candidate() != null) {
            out.append("  candidate:  ").append(r.candidate().label()).append(", recorded ")
                    .append(r.candidate().recordedAt()).append('\n');
        }
        if (!r.history().isEmpty()) {
            out.append("  history:\n");
            List<String[]> rows = new ArrayList<>();
            for (HistoryEntry h : r.history()) {
                rows.add(new String[] {h.at().toString(), outcome(h), h.binary().label(), h.reason()});
            }
            ControlText.align(rows).lines().forEach(l -> out.append("    ").append(l).append('\n'));
        }
    }

    private static void details(StringBuilder out, BinaryVersion v) {
        out.append("  source:     ").append(source(v.source())).append('\n');
        if (v.commit() != null) {
            out.append("  commit:     ").append(v.commit()).append('\n');
        }
        if (v.build() != null) {
            out.append("  build:      ").append(build(v)).append('\n');
        }
        out.append("  platform:   ").append(v.platform()).append('\n');
        out.append("  recorded:   ").append(v.recordedAt()).append('\n');
        out.append("  evidence:   ").append(evidence(v.evidence())).append('\n');
        out.append("  trust:      ").append(v.trustSteps().isEmpty() ? "-" : String.join("; ", v.trustSteps()))
                .append('\n');
    }

    /** {@code ref main, tree …, key …, 1.2 s with cc (…)} or {@code …, same inputs as <commit>, not built}. */
    private static String build(BinaryVersion v) {
        BuildRecord b = v.build();
        StringBuilder text = new StringBuilder("ref ").append(b.ref()).append(", committed ").append(b.commitTime())
                .append(", tree ").append(b.tree()).append(", key ").append(v.buildKey());
        if (b.sameInputsAs() != null) {
            text.append(", same inputs as ").append(b.sameInputsAs()).append(", not built");
        } else {
            text.append(", built in ").append(String.format(Locale.ROOT, "%.1f s", b.buildMillis() / 1000.0));
        }
        return b.toolchain() == null ? text.toString() : text.append(" with ").append(b.toolchain()).toString();
    }

    private static String outcome(HistoryEntry h) {
        return h.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String source(SourceCoordinates s) {
        String options = s.options().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        return s.kind() + " " + s.location() + (options.isEmpty() ? "" : " (" + options + ")");
    }

    static String evidence(List<Evidence> evidence) {
        return evidence.isEmpty() ? "-" : evidence.stream()
                .map(e -> e.detail() == null || e.detail().isEmpty() ? e.kind() : e.kind() + " " + e.detail())
                .collect(Collectors.joining("; "));
    }

    static String verified(Verified r) {
        if (r.ok()) {
            return "verified: " + r.checked() + " checked, all match the manifest\n";
        }
        StringBuilder out = new StringBuilder("verify failed: ").append(r.mismatches().size())
                .append(r.mismatches().size() == 1 ? " mismatch" : " mismatches").append(" (")
                .append(r.checked()).append(" checked)\n");
        r.mismatches().forEach(m -> out.append("  ").append(m).append('\n'));
        return out.toString();
    }

    static String fetched(List<FetchResult> results, boolean elsewhere) {
        if (results.isEmpty()) {
            return "nothing to fetch\n";
        }
        StringBuilder out = new StringBuilder();
        for (FetchResult f : results) {
            out.append(f.binary()).append(": ").append(f.version()).append(" (").append(f.sha256().shortHex())
                    .append(", ").append(size(f.size())).append(") from ").append(f.asset())
                    .append(", evidence ").append(evidence(f.evidence())).append('\n');
            out.append("  ").append(elsewhere ? "written to " + f.path()
                    : f.changed() ? "stored: " + f.path() : "unchanged: " + f.path()).append('\n');
        }
        return out.toString();
    }

    static String updated(List<Swapped> swaps) {
        return swaps.isEmpty() ? "everything is up to date\n"
                : swaps.stream().map(BinaryText::swapped).collect(Collectors.joining());
    }

    static String outdated(List<Outdated> list) {
        if (list.isEmpty()) {
            return "no binaries in the stack file\n";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"BINARY", "CURRENT", "LATEST", ""});
        for (Outdated o : list) {
            rows.add(new String[] {o.binary(), o.current() == null ? "-" : o.current(), o.latest(),
                o.outdated() ? "outdated" : ""});
        }
        return ControlText.align(rows);
    }

    /** One row per binary; a failed check shows its reason on its own line after the table. */
    static String polled(List<PollResult> results) {
        if (results.isEmpty()) {
            return "no binaries in the stack file\n";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"BINARY", "CURRENT", "LATEST", "FOUND"});
        StringBuilder errors = new StringBuilder();
        for (PollResult p : results) {
            rows.add(new String[] {p.binary(), p.current() == null ? "-" : p.current(),
                p.latest() == null ? "-" : p.latest(), found(p)});
            if (p.error() != null) {
                errors.append(p.binary()).append(": ").append(p.error()).append('\n');
            }
        }
        TransferCost total = results.stream().map(PollResult::cost).reduce(TransferCost.NONE, TransferCost::plus);
        String cost = total.requests() == 0 ? "" : "cost: " + total.requests() + " request"
                + (total.requests() == 1 ? "" : "s") + ", " + total.notModified() + " not modified (304), "
                + size(total.bytes()) + " received\n";
        return ControlText.align(rows) + errors + cost;
    }

    static String locked(List<LockResult> results) {
        if (results.isEmpty()) {
            return "nothing to lock (binaries taken from a local file are not locked)\n";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"BINARY", "PLATFORM", "VERSION", "ARTIFACT", "SHA-256", "FROM"});
        for (LockResult r : results) {
            var l = r.locked();
            rows.add(new String[] {r.binary(), r.platform(), l.version(),
                l.platformSpecificBuild() ? "build of " + l.commit().substring(0, Math.min(7, l.commit().length()))
                        + " (built on each machine)" : l.asset(),
                l.sha256() == null ? "-" : l.sha256().shortHex(),
                l.evidence().isEmpty() ? "-" : l.evidence().get(0).kind()});
        }
        long changed = results.stream().filter(LockResult::changed).count();
        return ControlText.align(rows) + "pitstop.lock.json: " + results.size() + " locked, " + changed + " changed\n";
    }

    private static String found(PollResult p) {
        return switch (p.status()) {
            case UNCHANGED -> "up to date";
            case UPDATE -> p.current() == null ? "not fetched yet" : "new version" + (p.inputsChanged() ? "" : ", same key");
            case SAME_INPUTS -> "new commit, same inputs: no rebuild";
            case BAD -> "marked bad before: not applied";
            case ERROR -> "check failed";
        };
    }

    /** {@code 16.0 MiB}, {@code 812 KiB}, {@code 96 B}. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return (bytes / 1024) + " KiB";
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
