package dev.pitstop.core.store;

import dev.pitstop.core.Sha256;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The content-addressed binary store shared by every stack of a user:
 * {@code <PitstopHome.store()>/sha256/<hex>/<name>}. A file is written once (temp file, fsync, atomic
 * rename), then made read-only; the same bytes stored twice under one name give one copy.
 */
public interface BinaryStore {

    /**
     * Copies a file into the store, hashing it in the same pass. Safe against a concurrent writer of the
     * same bytes (in this or another process): one of them wins, both get the same result.
     *
     * @param name the file name inside the store folder (the binary's name), no path separators
     * @throws StoreException if the file cannot be read or the store cannot be written
     */
    StoredBinary put(Path source, String name);

    /** Like {@link #put(Path, String)}, from a stream (read to the end, not closed). */
    StoredBinary put(InputStream in, String name);

    Optional<StoredBinary> find(Sha256 sha, String name);

    /** Every stored file, sorted by SHA-256 then name. */
    List<StoredBinary> list();

    /**
     * Deletes every stored file whose SHA-256 is not in {@code keep}.
     *
     * @param dryRun report what would go, delete nothing
     */
    GcReport gc(Set<Sha256> keep, boolean dryRun);

    /** Re-hashes every stored file and reports those whose bytes no longer match their folder's SHA-256. */
    VerifyReport verify();
}
