package dev.pitstop.cli.self;

import dev.pitstop.core.PitstopException;
import dev.pitstop.core.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where {@code install.sh} put Pitstop: {@code PREFIX/lib/pitstop/} holds one unpacked release per version under
 * {@code versions/<version>/}, the symlink {@code current} to the one in use ({@code PREFIX/bin/pitstop} points
 * through it), {@code pitstop.lock.json} (the manifest of Pitstop's own releases) and
 * {@code versions/<version>.sha256}, the archive's digest as {@code install.sh} checked it.
 */
final class Installation {
    static final String BINARY = "pitstop";
    private static final Pattern SAFE_VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");
    private final Path home;

    private Installation(Path home) {
        this.home = home;
    }

    /**
     * The installation the running release belongs to.
     *
     * @param root the running release's folder ({@code -Dpitstop.root}, set by its launcher), or {@code null}
     */
    static Installation of(String root) {
        if (root == null) {
            throw new PitstopException("self update works on a release installed with install.sh; this pitstop runs "
                    + "from a source checkout (update it with git pull and ./mvnw package)");
        }
        Path tree = Path.of(root).toAbsolutePath().normalize();
        Path versions = tree.getParent();
        if (versions == null || versions.getFileName() == null || !versions.getFileName().toString().equals("versions")
                || versions.getParent() == null) {
            throw new PitstopException("self update works on a release installed with install.sh; " + tree
                    + " is not under PREFIX/lib/pitstop/versions/ (install it with install.sh first)");
        }
        return new Installation(versions.getParent());
    }

    Path home() {
        return home;
    }

    Path lockFile() {
        return home.resolve("pitstop.lock.json");
    }

    /** {@code share/pitstop/self.yaml} of the release in use: where releases come from and their signing key. */
    Path selfSpec() {
        return home.resolve("current").resolve("share/pitstop/self.yaml");
    }

    Path tree(String version) {
        if (!SAFE_VERSION.matcher(version).matches()) {
            throw new PitstopException("'" + version + "' cannot name a release folder");
        }
        return home.resolve("versions").resolve(version);
    }

    /** The digest {@code install.sh} recorded for a version it installed, if any. */
    Optional<Sha256> installedDigest(String version) {
        Path file = home.resolve("versions").resolve(version + ".sha256");
        try {
            String line = Files.readString(file).strip();
            return Optional.of(new Sha256(line.split("\\s+")[0]));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Points {@code current} at {@code versions/<version>} with one rename, so no run sees it missing. */
    void switchTo(String version) {
        Path target = tree(version);
        if (!Files.isDirectory(target)) {
            throw new PitstopException(target + " is missing");
        }
        Path link = home.resolve("current");
        Path temp = home.resolve(".current." + ProcessHandle.current().pid());
        try {
            Files.deleteIfExists(temp);
            Files.createSymbolicLink(temp, Path.of("versions", version));
            Files.move(temp, link, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot point " + link + " at " + target, e);
        }
    }
}
