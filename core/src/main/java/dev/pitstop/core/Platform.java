package dev.pitstop.core;

import java.util.Locale;
import java.util.Objects;

/**
 * Operating system, CPU architecture and C library of a machine a binary is meant for.
 * Written {@code os/arch} (for example {@code linux/amd64}); the libc is {@code gnu}, {@code musl} or
 * {@code none} (macOS, Windows).
 */
public record Platform(String os, String arch, String libc) {

    public Platform {
        os = normalize(os, "os");
        arch = normalize(arch, "arch");
        libc = normalize(libc == null ? defaultLibc(os) : libc, "libc");
    }

    /** Parses {@code os/arch} or {@code os/arch/libc}. */
    public static Platform parse(String text) {
        String[] parts = Objects.requireNonNull(text, "text").split("/");
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("platform must be os/arch, for example linux/amd64: '" + text + "'");
        }
        return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    private static String defaultLibc(String os) {
        return "linux".equalsIgnoreCase(os) ? "gnu" : "none";
    }

    private static String normalize(String value, String what) {
        Objects.requireNonNull(value, what);
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return v;
    }

    @Override
    public String toString() {
        return os + "/" + arch;
    }
}
