package dev.pitstop.core.trust;

import dev.pitstop.core.PitstopException;
import dev.pitstop.core.Platform;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Detects the platform this JVM runs on, with Go-style names ({@code linux/amd64}, {@code darwin/arm64}).
 * On Linux the C library is read from the libraries mapped into this very process, which is what decides
 * whether a dynamically linked binary's loader exists here.
 */
public final class PlatformDetector {
    private final String osName;
    private final String osArch;
    private final Path procMaps;

    /** The running JVM. */
    @Inject
    public PlatformDetector() {
        this(System.getProperty("os.name"), System.getProperty("os.arch"), Path.of("/proc/self/maps"));
    }

    /** For tests: explicit {@code os.name}, {@code os.arch} and a maps file. */
    public PlatformDetector(String osName, String osArch, Path procMaps) {
        this.osName = osName;
        this.osArch = osArch;
        this.procMaps = procMaps;
    }

    public Platform detect() {
        String os = os(osName);
        return new Platform(os, arch(osArch), "linux".equals(os) ? libc() : "none");
    }

    static String os(String osName) {
        String n = osName.toLowerCase(Locale.ROOT);
        if (n.startsWith("linux")) {
            return "linux";
        }
        if (n.startsWith("mac") || n.startsWith("darwin")) {
            return "darwin";
        }
        if (n.startsWith("windows")) {
            return "windows";
        }
        return n.split("\\s+")[0];
    }

    /** Maps JVM and uname spellings to Go's. */
    public static String arch(String osArch) {
        String a = osArch.toLowerCase(Locale.ROOT);
        return switch (a) {
            case "amd64", "x86_64", "x64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i486", "i586", "i686", "386" -> "386";
            case "arm", "armv7l", "armhf", "aarch32" -> "arm";
            case "riscv64" -> "riscv64";
            case "ppc64le" -> "ppc64le";
            case "s390x" -> "s390x";
            case "loongarch64", "loong64" -> "loong64";
            default -> a;
        };
    }

    private String libc() {
        try (Stream<String> lines = Files.lines(procMaps)) {
            return lines.anyMatch(l -> l.contains("ld-musl") || l.contains("libc.musl")) ? "musl" : "gnu";
        } catch (NoSuchFileException e) {
            return "gnu";
        } catch (IOException e) {
            throw new PitstopException("cannot read " + procMaps + ": " + e.getMessage(), e);
        }
    }
}
