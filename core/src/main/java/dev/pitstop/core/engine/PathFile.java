package dev.pitstop.core.engine;

import dev.pitstop.core.Sha256;
import dev.pitstop.core.store.BinaryRecord;
import dev.pitstop.core.store.HistoryEntry;
import dev.pitstop.core.store.Outcome;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The file at a {@code file:} binary's path, compared with what the manifest records for that binary. Only bytes
 * the manifest has never recorded are taken by a reload, a watched change or {@code up}: a version that was
 * replaced by an {@code install}, rolled back or marked bad is not swapped back in behind the user's back.
 */
record PathFile(String binary, Path path, Sha256 sha, BinaryRecord record) {

    /** Bytes never recorded for this binary: a new build to swap in. */
    boolean isNew() {
        return !record.knows(sha);
    }

    boolean isCurrent() {
        return record.current() != null && record.current().sha256().equals(sha);
    }

    /** Why known bytes that are not current are left alone, as one line; empty when they are new or current. */
    Optional<String> notTaken() {
        if (isNew() || isCurrent()) {
            return Optional.empty();
        }
        Optional<HistoryEntry> last = record.lastEntry(sha);
        String version = last.map(e -> e.binary().version()).orElse("a pending candidate");
        String runs = record.current() == null ? "" : "; the current " + record.current().label() + " runs instead";
        if (last.isPresent() && last.get().outcome() == Outcome.BAD) {
            return Optional.of(path + " holds " + version + " (sha256 " + sha.shortHex() + "), marked bad ("
                    + last.get().reason() + ")" + runs + " (`pitstop install " + binary + " " + path
                    + " --force` tries it again)");
        }
        return Optional.of(path + " holds " + version + " (sha256 " + sha.shortHex() + "), recorded before"
                + last.map(e -> " and " + e.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                        .orElse("") + runs + " (`pitstop rollback " + binary + " --to " + sha.shortHex() + "` runs it)");
    }
}
