package dev.pitstop.core.engine;

import dev.pitstop.core.Platform;
import dev.pitstop.core.PollResult;
import dev.pitstop.core.PollResult.Status;
import dev.pitstop.core.source.Release;
import dev.pitstop.core.source.Source;
import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.core.stack.Stack;
import dev.pitstop.core.store.BinaryRecord;
import dev.pitstop.core.store.BinaryVersion;
import dev.pitstop.core.store.HistoryEntry;
import dev.pitstop.core.store.Outcome;
import java.util.Optional;

/**
 * {@code pitstop poll} for one binary: asks its source whether something other than the current version exists
 * ({@link Source#poll}, no download, no build) and says what applying it would do. A failure is a result, so that
 * one unreachable source does not hide the others.
 */
final class UpstreamCheck {
    private final BinaryInstaller installer;
    private final Platform host;

    UpstreamCheck(BinaryInstaller installer, Platform host) {
        this.installer = installer;
        this.host = host;
    }

    PollResult check(Stack stack, BinarySpec spec, Source<?> source) {
        String name = spec.name();
        Optional<BinaryRecord> record = installer.manifest(stack).binary(name);
        Optional<BinaryVersion> current = record.map(BinaryRecord::current);
        String currentLabel = current.map(BinaryVersion::version).orElse(null);
        try {
            Optional<Release> polled = source.poll(spec, host, current);
            if (polled.isEmpty()) {
                return new PollResult(name, Status.UNCHANGED, currentLabel, currentLabel, false, null);
            }
            Release latest = polled.get();
            if (latest.revision() == null) {
                boolean bad = record.map(r -> markedBad(r, latest.version(), null)).orElse(false);
                return new PollResult(name, bad ? Status.BAD : Status.UPDATE, currentLabel, latest.version(), true, null);
            }
            String key = latest.revision().buildKey();
            boolean inputsChanged = current.map(c -> !key.equals(c.buildKey())).orElse(true);
            if (record.map(r -> markedBad(r, null, key)).orElse(false)) {
                return new PollResult(name, Status.BAD, currentLabel, latest.version(), inputsChanged, null);
            }
            boolean built = BuildReuse.built(record, key).flatMap(v -> installer.stored(v.sha256(), name)).isPresent();
            return new PollResult(name, built ? Status.SAME_INPUTS : Status.UPDATE, currentLabel, latest.version(),
                    inputsChanged, null);
        } catch (RuntimeException e) {
            return new PollResult(name, Status.ERROR, currentLabel, null, false,
                    e.getMessage() == null ? e.toString() : e.getMessage().replaceAll("\\s+", " "));
        }
    }

    /** A bad history entry for that version label or build key (and no good one since). */
    private static boolean markedBad(BinaryRecord record, String version, String buildKey) {
        for (int i = record.history().size() - 1; i >= 0; i--) {
            HistoryEntry e = record.history().get(i);
            boolean same = version != null ? version.equals(e.binary().version()) : buildKey.equals(e.binary().buildKey());
            if (same) {
                return e.outcome() == Outcome.BAD;
            }
        }
        return false;
    }
}
