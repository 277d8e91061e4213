package dev.pitstop.core.engine;

import dev.pitstop.core.PitstopHome;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.process.LaunchCheck;
import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.Stack;
import dev.pitstop.core.store.BinLinks;
import dev.pitstop.core.store.BinaryRecord;
import dev.pitstop.core.store.Manifest;
import dev.pitstop.core.store.ManifestStore;
import dev.pitstop.core.store.TamperedBinaryException;
import dev.pitstop.core.store.VerifyReport;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The check before every exec of a managed binary: {@code .pitstop/bin/NAME} points at a store file, that file's
 * SHA-256 is a version the stack's manifest records for NAME, and its bytes still hash to it. Hashes are
 * remembered per file identity ({@link FileDigests}), so an unchanged store file costs a {@code stat}.
 */
@Singleton
public final class StoreIntegrity implements LaunchCheck {
    private final ManifestStore manifests;
    private final BinLinks links;
    private final Path storeRoot;
    private final FileDigests digests = new FileDigests();

    @Inject
    public StoreIntegrity(ManifestStore manifests, BinLinks links, PitstopHome home) {
        this.manifests = manifests;
        this.links = links;
        this.storeRoot = home.store().resolve("sha256").toAbsolutePath().normalize();
    }

    @Override
    public void beforeLaunch(Stack stack, ProcessSpec spec) {
        if (spec.binaries().isEmpty()) {
            return;
        }
        Manifest manifest = manifests.read(BinaryInstaller.lockFile(stack));
        for (String binary : spec.binaries()) {
            Path link = links.link(stack.stateDir(), binary);
            Path target = links.current(stack.stateDir(), binary).orElseThrow(() ->
                    new TamperedBinaryException(binary, link, null, null, "the link is missing"));
            check(binary, target, manifest.binary(binary).orElse(BinaryRecord.empty()));
        }
    }

    /**
     * What {@code verify} adds: each {@code .pitstop/bin} link of the stack points at the store file of the
     * current version (or of the candidate during a swap), whose bytes match.
     */
    VerifyReport verifyLinks(Stack stack, Manifest manifest) {
        List<VerifyReport.Mismatch> bad = new ArrayList<>();
        int checked = 0;
        for (String binary : stack.binaries().keySet()) {
            Optional<BinaryRecord> record = manifest.binary(binary);
            if (record.isEmpty() || record.get().current() == null) {
                continue;
            }
            checked++;
            Sha256 current = record.get().current().sha256();
            Path link = links.link(stack.stateDir(), binary);
            Optional<Path> target = links.current(stack.stateDir(), binary);
            Sha256 pointed = target.map(this::storedSha).orElse(null);
            boolean swapping = record.get().candidate() != null && record.get().candidate().sha256().equals(pointed);
            if (target.isEmpty()) {
                bad.add(new VerifyReport.Mismatch(binary, current, null, link.toString(), "bin link missing"));
            } else if (!current.equals(pointed) && !swapping) {
                bad.add(new VerifyReport.Mismatch(binary, current, pointed, link + " -> " + target.get(),
                        "bin link does not point at the current version's store file"));
            } else {
                try {
                    check(binary, target.get(), record.get());
                } catch (TamperedBinaryException e) {
                    bad.add(new VerifyReport.Mismatch(binary, pointed, e.actual(), link + " -> " + target.get(),
                            "bin link's target does not match its SHA-256"));
                }
            }
        }
        return new VerifyReport(checked, bad);
    }

    /**
     * Whether the binary's current file is a script ({@code #!}): its process's executable is the interpreter, so
     * only the script file itself can be compared with the manifest.
     */
    boolean isScript(Stack stack, String binary) {
        Optional<Path> target = links.current(stack.stateDir(), binary);
        if (target.isEmpty()) {
            return false;
        }
        byte[] start = new byte[2];
        try (InputStream in = Files.newInputStream(target.get())) {
            return in.readNBytes(start, 0, 2) == 2 && start[0] == '#' && start[1] == '!';
        } catch (IOException e) {
            return false; // unreadable: the link check reports it
        }
    }

    /** The digests of this check, shared with the engine's own file checks. */
    FileDigests digests() {
        return digests;
    }

    private void check(String binary, Path target, BinaryRecord record) {
        Sha256 recorded = storedSha(target);
        if (recorded == null || !target.getFileName().toString().equals(binary)) {
            throw new TamperedBinaryException(binary, target, null, null, "not a file of the store " + storeRoot);
        }
        if (!record.knows(recorded)) {
            throw new TamperedBinaryException(binary, target, null, null,
                    "sha256 " + recorded.shortHex() + " is not a version pitstop.lock.json records for " + binary);
        }
        Sha256 actual;
        try {
            actual = digests.of(target);
        } catch (IOException e) {
            throw new TamperedBinaryException(binary, target, recorded, null, "the store file cannot be read ("
                    + e.getMessage() + ")");
        }
        if (!actual.equals(recorded)) {
            throw new TamperedBinaryException(binary, target, recorded, actual,
                    "the store file was changed after it was stored");
        }
    }

    /** The SHA-256 a store path is named after ({@code <store>/sha256/<hex>/<name>}), or {@code null}. */
    private Sha256 storedSha(Path target) {
        Path dir = target.toAbsolutePath().normalize().getParent();
        if (dir == null || !storeRoot.equals(dir.getParent())) {
            return null;
        }
        try {
            return new Sha256(dir.getFileName().toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
