package dev.pitstop.signing.internal.platform;

import dev.pitstop.core.trust.TrustReport.Finding;
import dev.pitstop.core.trust.TrustReport.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Execute bits on POSIX systems: added for whoever may read the file, never more. */
final class PosixModes {
    private PosixModes() {}

    static Optional<Finding> check(Path file) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        if (!perms.contains(PosixFilePermission.OWNER_EXECUTE)) {
            return Optional.of(new Finding(Severity.ERROR, "not executable (mode " + octal(perms)
                    + "); chmod +x it, or let Pitstop prepare it"));
        }
        return Optional.empty();
    }

    /** Adds u+x, g+x, o+x where the matching read bit is set; works on read-only files as long as we own them. */
    static Optional<String> prepare(Path file) throws IOException {
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        perms.addAll(Files.getPosixFilePermissions(file));
        Set<PosixFilePermission> wanted = EnumSet.copyOf(perms);
        wanted.add(PosixFilePermission.OWNER_EXECUTE);
        if (perms.contains(PosixFilePermission.GROUP_READ)) {
            wanted.add(PosixFilePermission.GROUP_EXECUTE);
        }
        if (perms.contains(PosixFilePermission.OTHERS_READ)) {
            wanted.add(PosixFilePermission.OTHERS_EXECUTE);
        }
        if (wanted.equals(perms)) {
            return Optional.empty();
        }
        Files.setPosixFilePermissions(file, wanted);
        return Optional.of("chmod " + octal(wanted) + " " + file);
    }

    static String octal(Set<PosixFilePermission> perms) {
        int mode = 0;
        for (PosixFilePermission p : perms) {
            mode |= 1 << (8 - p.ordinal());
        }
        return String.format("%04o", mode);
    }
}
