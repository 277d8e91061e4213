package dev.pitstop.dist;

import dev.pitstop.core.Sha256;
import dev.pitstop.signing.ManifestSigner;
import dev.pitstop.signing.minisign.Minisign;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes what is published next to a release archive, with Pitstop's own code: {@code ARCHIVE.sha256} (the line
 * {@code sha256sum -c} and {@code install.sh} check) and {@code ARCHIVE.minisig} (signed like
 * {@code pitstop manifest sign}, checkable with stock {@code minisign -Vm ARCHIVE -p KEY.pub}). Run by the build:
 * {@code ReleaseFiles ARCHIVE SECRET_KEY}.
 */
public final class ReleaseFiles {
    private ReleaseFiles() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ReleaseFiles ARCHIVE SECRET_KEY");
            System.exit(2);
        }
        Path archive = Path.of(args[0]);
        Path checksum = checksum(archive);
        Path signature = new ManifestSigner(new Minisign()).sign(archive, Path.of(args[1]));
        System.out.println(checksum);
        System.out.println(signature);
    }

    /** {@code ARCHIVE.sha256}: {@code <hex>  <file name>}, the format of {@code sha256sum}. */
    static Path checksum(Path archive) throws IOException {
        String line = Sha256.ofFile(archive).hex() + "  " + archive.getFileName() + "\n";
        Path target = archive.resolveSibling(archive.getFileName() + ".sha256");
        Path temp = archive.resolveSibling(target.getFileName() + ".part");
        Files.writeString(temp, line, StandardCharsets.UTF_8);
        return Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
