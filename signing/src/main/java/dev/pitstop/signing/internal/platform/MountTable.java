package dev.pitstop.signing.internal.platform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The mounts of {@code /proc/self/mountinfo}, to learn which mount a file lives on and whether it is
 * {@code noexec}. Field 5 is the mount point (octal-escaped), field 6 the per-mount options.
 */
final class MountTable {

    record Mount(Path mountPoint, Set<String> options) {
        boolean noexec() {
            return options.contains("noexec");
        }
    }

    private final List<Mount> mounts;

    private MountTable(List<Mount> mounts) {
        this.mounts = List.copyOf(mounts);
    }

    static MountTable parse(String mountinfo) {
        List<Mount> mounts = new ArrayList<>();
        for (String line : mountinfo.split("\n")) {
            String[] f = line.trim().split(" ");
            if (f.length < 6 || !f[4].startsWith("/")) {
                continue;
            }
            mounts.add(new Mount(Path.of(unescape(f[4])), Set.copyOf(Arrays.asList(f[5].split(",")))));
        }
        return new MountTable(mounts);
    }

    /** The mount holding {@code realPath}: the longest mount point it lies under; the later one wins a tie. */
    Optional<Mount> find(Path realPath) {
        Mount best = null;
        for (Mount m : mounts) {
            if (realPath.startsWith(m.mountPoint())
                    && (best == null || m.mountPoint().getNameCount() >= best.mountPoint().getNameCount())) {
                best = m;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The kernel writes space, tab, newline and backslash as {@code \040}, {@code \011}, {@code \012}, {@code \134}. */
    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length()
                    && s.substring(i + 1, i + 4).chars().allMatch(d -> d >= '0' && d <= '7')) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
