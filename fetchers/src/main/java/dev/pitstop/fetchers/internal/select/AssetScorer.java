package dev.pitstop.fetchers.internal.select;

import dev.pitstop.core.Platform;
import java.util.Optional;
import java.util.Set;

/**
 * Scores one asset name for one platform. Higher is better; {@link #INELIGIBLE} means it can never be picked.
 * Weights: OS match 100, arch match 50 (universal macOS 45, no arch named 20, emulated 10), libc 10–20,
 * archive format 2–9, tool name as prefix 5, and −1 for each unexplained word (prefers {@code hugo} over
 * {@code hugo_extended}; a number after the platform words counts as one). A {@code static} build scores like musl.
 */
final class AssetScorer {
    static final int INELIGIBLE = Integer.MIN_VALUE;
    private static final Set<String> FILLER = Set.of("unknown", "pc", "bin", "binary", "release", "cli",
            "v", "x", "none", "elf", "portable", "standalone", "amd", "gnu", "musl", "msvc");

    private final String os;
    private final String arch;
    private final String libc;
    private final String tool;
    private final boolean anyAssetNamesOs;

    AssetScorer(Platform platform, String toolName, boolean anyAssetNamesOs) {
        this.os = Aliases.canonicalOs(platform.os());
        this.arch = Aliases.canonicalArch(platform.arch());
        this.libc = platform.libc();
        this.tool = toolName == null ? "" : AssetFormat.lower(toolName);
        this.anyAssetNamesOs = anyAssetNamesOs;
    }

    static boolean namesAnOs(String name) {
        for (String t : tokens(AssetFormat.lower(name))) {
            if (Aliases.OS.containsKey(t)) {
                return true;
            }
        }
        return false;
    }

    /** The score; when {@code why} is given, the reasons are appended to it. */
    int score(String name, StringBuilder why) {
        String lower = AssetFormat.lower(name);
        Optional<String> excluded = AssetFormat.excluded(lower);
        if (excluded.isPresent()) {
            return no(why, excluded.get());
        }
        String namedOs = null;
        String namedArch = null;
        String namedLibc = null;
        boolean weakOs = false;
        boolean weakArch = false;
        int unexplained = 0;
        boolean afterPlatform = false;
        for (String t : tokens(lower)) {
            String o = Aliases.OS.get(t);
            String a = Aliases.ARCH.get(t);
            String l = Aliases.LIBC.get(t);
            boolean weak = Aliases.WEAK.contains(t);
            if (o != null && (namedOs == null || "android".equals(o) || (weakOs && !weak))) {
                namedOs = o;
                weakOs = weak;
            }
            if (a != null && (namedArch == null || Aliases.UNIVERSAL.equals(namedArch) || (weakArch && !weak))) {
                namedArch = a;
                weakArch = weak;
            }
            if (l != null) {
                namedLibc = l;
            }
            if (o == null && a == null && l == null && !FILLER.contains(t) && !isVersionish(t) && !tool.contains(t)
                    && !isExtension(t)) {
                unexplained++;
            } else if (afterPlatform && o == null && a == null && l == null && !t.isEmpty()
                    && Character.isDigit(t.charAt(0))) {
                // a number after the platform words is a variant, not the version (bottom's gnu-2-17 old-glibc build)
                unexplained++;
            }
            afterPlatform |= o != null || a != null || l != null;
        }
        Optional<AssetFormat.Known> format = AssetFormat.archive(lower);
        if (namedOs == null && format.map(k -> k.suffix().equals(".exe")).orElse(false)) {
            namedOs = "windows";
        }
        if (lower.contains("debug") || lower.contains("-dbg") || lower.contains("symbols")) {
            return no(why, "debug symbols");
        }
        int score = 0;
        if (namedOs == null) {
            if (anyAssetNamesOs) {
                return no(why, "names no OS");
            }
        } else if (!namedOs.equals(os)) {
            return no(why, "for " + namedOs);
        } else {
            score += add(why, weakOs ? 95 : 100, "os " + os + (weakOs ? " (legacy name)" : ""));
        }
        if ("windows".equals(namedOs) || "windows".equals(os)) {
            if (format.map(k -> k.suffix().equals(".exe")).orElse(false) && !"windows".equals(os)) {
                return no(why, "windows .exe");
            }
        }
        int archScore = archScore(namedArch) - (weakArch && namedArch.equals(arch) ? 5 : 0);
        if (archScore == INELIGIBLE) {
            return no(why, "for " + namedArch);
        }
        score += add(why, archScore, "arch " + (namedArch == null ? "unnamed" : namedArch));
        int libcScore = libcScore(namedLibc);
        if (libcScore == INELIGIBLE) {
            return no(why, "needs glibc, host has " + libc);
        }
        score += add(why, libcScore, "libc " + (namedLibc == null ? "unnamed" : namedLibc));
        int formatScore = format.map(k -> "windows".equals(os) && k.suffix().equals(".zip") ? 9 : k.preference()).orElse(3);
        score += add(why, formatScore, format.map(AssetFormat.Known::suffix).orElse("bare"));
        if (!tool.isEmpty() && lower.startsWith(tool)) {
            score += add(why, 5, "name prefix");
        } else if (!tool.isEmpty() && lower.contains(tool)) {
            score += add(why, 2, "name inside");
        }
        if (unexplained > 0) {
            score += add(why, -Math.min(unexplained, 5), unexplained + " extra words");
        }
        return score;
    }

    private int archScore(String named) {
        if (named == null) {
            return 20;
        }
        if (named.equals(arch)) {
            return 50;
        }
        if (Aliases.UNIVERSAL.equals(named)) {
            return "darwin".equals(os) ? 45 : 20;
        }
        boolean emulated = "amd64".equals(named) && "arm64".equals(arch) && ("darwin".equals(os) || "windows".equals(os));
        return emulated ? 10 : INELIGIBLE;
    }

    private int libcScore(String named) {
        if (!"linux".equals(os)) {
            return "msvc".equals(named) ? 2 : 0;
        }
        boolean hostMusl = "musl".equals(libc);
        if (named == null) {
            return 15;
        }
        if ("musl".equals(named) || "static".equals(named)) {
            return hostMusl ? 20 : 10;
        }
        if ("gnu".equals(named)) {
            return hostMusl ? INELIGIBLE : 20;
        }
        return 0;
    }

    private static int add(StringBuilder why, int points, String what) {
        if (why != null) {
            if (why.length() > 0) {
                why.append(", ");
            }
            why.append(what).append(points >= 0 ? " +" : " ").append(points);
        }
        return points;
    }

    private static int no(StringBuilder why, String reason) {
        if (why != null) {
            why.setLength(0);
            why.append("excluded: ").append(reason);
        }
        return INELIGIBLE;
    }

    static String[] tokens(String lower) {
        String n = lower.replace("x86_64", "amd64").replace("x86-64", "amd64").replace("64-bit", "64bit")
                .replace("32-bit", "32bit");
        return n.split("[^a-z0-9]+");
    }

    private static boolean isVersionish(String t) {
        if (t.isEmpty()) {
            return true;
        }
        char c = t.charAt(0);
        return Character.isDigit(c) || (t.length() > 1 && (c == 'v' || c == 'r') && Character.isDigit(t.charAt(1)))
                || t.startsWith("rc") || t.startsWith("beta") || t.startsWith("alpha");
    }

    private static boolean isExtension(String t) {
        return switch (t) {
            case "tar", "gz", "tgz", "xz", "txz", "zip", "zst", "tzst", "bz2", "tbz", "tbz2", "exe" -> true;
            default -> false;
        };
    }
}
