package dev.pitstop.manifest;

import dev.pitstop.core.io.AtomicFiles;
import dev.pitstop.core.PitstopHome;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.store.BinaryStore;
import dev.pitstop.core.store.GcReport;
import dev.pitstop.core.store.StagingArea;
import dev.pitstop.core.store.StoreException;
import dev.pitstop.core.store.StoredBinary;
import dev.pitstop.core.store.VerifyReport;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code <store>/sha256/<hex>/<name>}, files and folders read-only (0555). Bytes are hashed while they are
 * copied to a temp file beside the folders (same file system), and only then, under the store lock, renamed
 * into place; hashing runs outside the lock, so concurrent puts only queue for the rename.
 */
final class ContentStore implements BinaryStore {
    private static final Logger log = LoggerFactory.getLogger(ContentStore.class);
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._+-]+");
    private static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    private final Path root;
    private final FileLocks locks;
    private final StagingArea staging;

    @Inject
    ContentStore(PitstopHome home, FileLocks locks) {
        this.root = home.store().resolve("sha256");
        this.locks = locks;
        this.staging = StagingArea.of(home);
    }

    @Override
    public StoredBinary put(Path source, String name) {
        try (InputStream in = Files.newInputStream(source)) {
            return put(in, name);
        } catch (IOException e) {
            throw new StoreException(source, "cannot read", e);
        }
    }

    @Override
    public StoredBinary put(InputStream in, String name) {
        checkName(name);
        Path temp = null;
        try {
            Files.createDirectories(root);
            temp = Files.createTempFile(root, ".put-", ".tmp");
            Hashing.Copied copied;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                copied = Hashing.copy(in, out);
                channel.force(true);
            }
            Modes.set(temp, Modes.READ_ONLY);
            return install(temp, copied, name);
        } catch (IOException e) {
            throw new StoreException(root, "cannot store " + name, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private StoredBinary install(Path temp, Hashing.Copied copied, String name) throws IOException {
        Path dir = root.resolve(copied.sha256().hex());
        Path target = dir.resolve(name);
        locks.withLock(lockFile(), () -> {
            if (Files.exists(target)) {
                log.debug("{} {} already stored", name, copied.sha256().shortHex());
                return null;
            }
            Files.createDirectories(dir);
            Modes.set(dir, Modes.WRITABLE);
            try {
                AtomicFiles.moveAtomically(temp, target);
            } finally {
                Modes.set(dir, Modes.READ_ONLY);
            }
            AtomicFiles.syncDirectory(dir);
            return null;
        });
        return new StoredBinary(copied.sha256(), name, copied.size(), target);
    }

    @Override
    public Optional<StoredBinary> find(Sha256 sha, String name) {
        checkName(name);
        Path file = root.resolve(sha.hex()).resolve(name);
        try {
            return Files.isRegularFile(file)
                    ? Optional.of(new StoredBinary(sha, name, Files.size(file), file)) : Optional.empty();
        } catch (IOException e) {
            throw new StoreException(file, "cannot read", e);
        }
    }

    @Override
    public List<StoredBinary> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<StoredBinary> all = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(d -> HEX.matcher(d.getFileName().toString()).matches()).toList()) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        all.add(new StoredBinary(new Sha256(dir.getFileName().toString()),
                                f.getFileName().toString(), Files.size(f), f));
                    }
                }
            }
        } catch (IOException e) {
            throw new StoreException(root, "cannot list", e);
        }
        all.sort(Comparator.comparing((StoredBinary b) -> b.sha256().hex()).thenComparing(StoredBinary::name));
        return all;
    }

    @Override
    public GcReport gc(Set<Sha256> keep, boolean dryRun) {
        if (!dryRun) {
            // what installs and fetches killed half way left behind (hundreds of MB each)
            staging.deleteStale().forEach(p -> log.info("deleted stale staging entry {}", p));
        }
        if (!Files.isDirectory(root)) {
            return new GcReport(dryRun, List.of(), List.of(), 0);
        }
        try {
            return locks.withLock(lockFile(), () -> collect(keep, dryRun));
        } catch (IOException e) {
            throw new StoreException(root, "cannot collect garbage", e);
        }
    }

    private GcReport collect(Set<Sha256> keep, boolean dryRun) throws IOException {
        List<StoredBinary> removed = new ArrayList<>();
        List<StoredBinary> kept = new ArrayList<>();
        long bytes = 0;
        for (StoredBinary b : list()) {
            if (keep.contains(b.sha256())) {
                kept.add(b);
                continue;
            }
            removed.add(b);
            bytes += b.size();
            if (!dryRun) {
                delete(b);
            }
        }
        if (!dryRun) {
            deleteAbandonedTempFiles();
        }
        return new GcReport(dryRun, removed, kept, bytes);
    }

    /** Temp files of puts that died half way; old enough that no put still writes them. */
    private void deleteAbandonedTempFiles() throws IOException {
        Instant cutoff = Instant.now().minus(ABANDONED_AFTER);
        try (Stream<Path> files = Files.list(root)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(".put-")).toList()) {
                if (Files.getLastModifiedTime(f).toInstant().isBefore(cutoff)) {
                    log.info("deleting abandoned temp file {}", f);
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private void delete(StoredBinary b) {
        Path dir = b.path().getParent();
        try {
            Modes.set(dir, Modes.WRITABLE); // a read-only folder forbids unlinking its files
            Files.delete(b.path());
            try (Stream<Path> rest = Files.list(dir)) {
                if (rest.findAny().isEmpty()) {
                    Files.delete(dir);
                    return;
                }
            }
            Modes.set(dir, Modes.READ_ONLY);
        } catch (IOException e) {
            throw new StoreException(b.path(), "cannot delete", e);
        }
        log.debug("deleted {}", b.path());
    }

    @Override
    public VerifyReport verify() {
        List<VerifyReport.Mismatch> bad = new ArrayList<>();
        List<StoredBinary> all = list();
        for (StoredBinary b : all) {
            try {
                Sha256 actual = Sha256.ofFile(b.path());
                if (!actual.equals(b.sha256())) {
                    bad.add(new VerifyReport.Mismatch(b.name(), b.sha256(), actual, b.path().toString(),
                            "stored file changed"));
                }
            } catch (IOException e) {
                bad.add(new VerifyReport.Mismatch(b.name(), b.sha256(), null, b.path().toString(),
                        "cannot read stored file: " + e.getMessage()));
            }
        }
        return new VerifyReport(all.size(), bad);
    }

    private Path lockFile() {
        return root.resolve(".lock");
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.startsWith(".")) {
            throw new IllegalArgumentException("not a valid binary name for the store (letters, digits, . _ + -,"
                    + " not starting with a dot): '" + name + "'");
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                log.warn("cannot delete temp file {}: {}", temp, e.getMessage());
            }
        }
    }
}
