package dev.pitstop.fetchers.internal.select;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The words release names use for operating systems, CPUs and C libraries, mapped to Pitstop's names. */
final class Aliases {
    static final Map<String, String> OS = new HashMap<>();
    static final Map<String, String> ARCH = new HashMap<>();
    static final Map<String, String> LIBC = new HashMap<>();
    static final String UNIVERSAL = "universal";
    /**
     * Legacy or vague spellings that lose against an explicit one in the same release ({@code jq-linux64} vs
     * {@code jq-linux-amd64}, {@code hugo_Linux-64bit} vs {@code hugo_linux-amd64}, {@code jq-osx-amd64} vs
     * {@code jq-macos-amd64}).
     */
    static final java.util.Set<String> WEAK = java.util.Set.of("64bit", "32bit", "linux64", "linux32", "win64", "win32",
            "win", "mac", "mac64", "osx", "macosx", "intel", "x86");

    static {
        put(OS, "linux", "linux", "linux64", "linux32");
        put(OS, "darwin", "darwin", "macos", "macosx", "osx", "mac", "apple", "macos11", "macos12", "mac64");
        put(OS, "windows", "windows", "win", "win64", "win32", "mingw", "mingw64", "msvc");
        put(OS, "freebsd", "freebsd");
        put(OS, "netbsd", "netbsd");
        put(OS, "openbsd", "openbsd");
        put(OS, "dragonfly", "dragonfly", "dragonflybsd");
        put(OS, "illumos", "illumos");
        put(OS, "solaris", "solaris", "sunos");
        put(OS, "android", "android", "androideabi");
        put(OS, "aix", "aix");
        put(OS, "plan9", "plan9");
        put(OS, "wasm", "wasm", "wasi", "js");
        put(OS, "ios", "ios");

        put(ARCH, "amd64", "amd64", "x86_64", "x64", "64bit", "linux64", "win64", "intel", "mac64", "x86_64v2", "x86_64v3");
        put(ARCH, "arm64", "arm64", "aarch64", "armv8", "arm64e", "aarch64_be");
        put(ARCH, "arm", "arm", "armv7", "armv7l", "armv7a", "armv6", "armv6l", "armv6hf", "armhf", "armel", "arm7", "arm6",
                "armv5", "arm5", "gnueabihf", "musleabihf", "gnueabi", "musleabi");
        put(ARCH, "386", "386", "i386", "i586", "i686", "x86", "32bit", "ia32", "linux32");
        put(ARCH, "ppc64le", "ppc64le", "powerpc64le");
        put(ARCH, "ppc64", "ppc64", "powerpc64");
        put(ARCH, "s390x", "s390x");
        put(ARCH, "riscv64", "riscv64", "riscv64gc");
        put(ARCH, "loong64", "loong64", "loongarch64");
        put(ARCH, "mips", "mips", "mipsle", "mips64", "mips64le");
        put(ARCH, UNIVERSAL, "universal", "universal2", "all");

        put(LIBC, "gnu", "gnu", "glibc", "gnueabihf", "gnueabi");
        put(LIBC, "musl", "musl", "musleabihf", "musleabi");
        put(LIBC, "msvc", "msvc");
        put(LIBC, "static", "static");
    }

    private Aliases() {
    }

    private static void put(Map<String, String> map, String canonical, String... words) {
        for (String w : words) {
            map.putIfAbsent(w, canonical);
        }
    }

    /** A platform's arch in Pitstop's words ({@code x86_64} → {@code amd64}). */
    static String canonicalArch(String arch) {
        String a = arch.toLowerCase(Locale.ROOT);
        return List.of("universal", "all").contains(a) ? a : ARCH.getOrDefault(a, a);
    }

    static String canonicalOs(String os) {
        String o = os.toLowerCase(Locale.ROOT);
        return OS.getOrDefault(o, o);
    }
}
