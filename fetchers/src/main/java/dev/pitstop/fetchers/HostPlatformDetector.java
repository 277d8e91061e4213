package dev.pitstop.fetchers;

import com.google.inject.Inject;
import dev.pitstop.core.Platform;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads {@code os.name} and {@code os.arch}, and on Linux tells glibc from musl by the dynamic loaders present:
 * a musl loader ({@code /lib/ld-musl-*}) and no glibc loader ({@code ld-linux*}) means musl.
 */
public final class HostPlatformDetector implements PlatformDetector {
    private final String osName;
    private final String osArch;
    private final Path root;

    @Inject
    public HostPlatformDetector() {
        this(System.getProperty("os.name"), System.getProperty("os.arch"), Path.of("/"));
    }

    /** For tests: another machine's properties and a fake root folder. */
    public HostPlatformDetector(String osName, String osArch, Path root) {
        this.osName = osName;
        this.osArch = osArch;
        this.root = root;
    }

    @Override
    public Platform detect() {
        String os = os(osName);
        return new Platform(os, arch(osArch), "linux".equals(os) ? libc() : "none");
    }

    static String os(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("linux")) {
            return "linux";
        } else if (n.startsWith("mac") || n.startsWith("darwin")) {
            return "darwin";
        } else if (n.startsWith("windows")) {
            return "windows";
        } else if (n.contains("freebsd")) {
            return "freebsd";
        }
        return n.replaceAll("[^a-z0-9]", "");
    }

    static String arch(String arch) {
        String a = arch.toLowerCase(Locale.ROOT);
        return switch (a) {
            case "amd64", "x86_64", "x64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i486", "i586", "i686" -> "386";
            case "arm", "armv7l", "armv7", "armhf" -> "arm";
            case "ppc64le" -> "ppc64le";
            case "s390x" -> "s390x";
            case "riscv64" -> "riscv64";
            default -> a;
        };
    }

    private String libc() {
        boolean musl = anyMatch("lib", "ld-musl-*");
        boolean glibc = anyMatch("lib", "ld-linux*") || anyMatch("lib64", "ld-linux*")
                || anyMatch("lib/x86_64-linux-gnu", "libc.so.6") || anyMatch("lib/aarch64-linux-gnu", "libc.so.6");
        return musl && !glibc ? "musl" : "gnu";
    }

    private boolean anyMatch(String folder, String glob) {
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, glob)) {
            return s.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }
}
