package dev.pitstop.fetchers.internal.select;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** What an asset's file name says about its content: an archive we can open, a package, or metadata. */
final class AssetFormat {
    /** Suffix and its preference (higher is better); windows prefers zip, see {@link AssetScorer}. */
    record Known(String suffix, int preference) {}

    static final List<Known> ARCHIVES = List.of(
            new Known(".tar.gz", 8), new Known(".tgz", 8), new Known(".tar.xz", 7), new Known(".txz", 7),
            new Known(".zip", 6), new Known(".tar.zst", 5), new Known(".tzst", 5), new Known(".tar.bz2", 4),
            new Known(".tbz2", 4), new Known(".tbz", 4), new Known(".tar", 4), new Known(".exe", 3),
            new Known(".gz", 2), new Known(".xz", 2), new Known(".bz2", 2), new Known(".zst", 2));

    private static final List<String> PACKAGES = List.of(".deb", ".rpm", ".apk", ".msi", ".msix", ".pkg", ".dmg",
            ".snap", ".appimage", ".flatpak", ".nupkg", ".vsix", ".whl", ".jar", ".7z", ".rar", ".pkg.tar.zst",
            ".ipk", ".xbps", ".crate", ".gem");
    private static final List<String> METADATA = List.of(".sha256", ".sha256sum", ".sha512", ".sha512sum", ".sha1",
            ".md5", ".sig", ".asc", ".pem", ".crt", ".cert", ".sbom", ".spdx", ".intoto.jsonl", ".json", ".txt",
            ".pub", ".minisig", ".bundle", ".sigstore", ".yaml", ".yml", ".md", ".html", ".pdf", ".att", ".cdx",
            ".sha256.txt", ".provenance", ".b3", ".blake3", ".shasum");
    private static final Pattern CHECKSUM_NAME = Pattern.compile(
            ".*(checksums?|sha256sums?|sha512sums?|shasums?|sha2?56|md5sums?)([._-].*)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNKNOWN_EXTENSION = Pattern.compile("(?=.*[a-z])[a-z0-9]{1,6}");

    private AssetFormat() {
    }

    /** Why the asset can never be a binary to run, or empty if it may be. */
    static Optional<String> excluded(String lowerName) {
        for (String s : PACKAGES) {
            if (lowerName.endsWith(s)) {
                return Optional.of("package " + s);
            }
        }
        for (String s : METADATA) {
            if (lowerName.endsWith(s)) {
                return Optional.of("metadata " + s);
            }
        }
        if (CHECKSUM_NAME.matcher(lowerName).matches() && archive(lowerName).isEmpty()) {
            return Optional.of("checksum file");
        }
        if (archive(lowerName).isEmpty()) {
            int dot = lowerName.lastIndexOf('.');
            String ext = dot < 0 ? "" : lowerName.substring(dot + 1);
            if (UNKNOWN_EXTENSION.matcher(ext).matches() && !Aliases.OS.containsKey(ext) && !Aliases.ARCH.containsKey(ext)) {
                return Optional.of("unsupported format ." + ext);
            }
        }
        return Optional.empty();
    }

    static Optional<Known> archive(String lowerName) {
        for (Known k : ARCHIVES) {
            if (lowerName.endsWith(k.suffix())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
