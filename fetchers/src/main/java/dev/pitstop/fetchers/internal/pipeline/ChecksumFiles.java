package dev.pitstop.fetchers.internal.pipeline;

import dev.pitstop.core.source.Asset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Which assets of a release are checksum files for a given asset, most specific first. */
final class ChecksumFiles {
    private static final List<String> PER_ASSET = List.of(".sha256", ".sha256sum", ".sha512", ".sha512sum");
    private static final Pattern RELEASE_FILE = Pattern.compile(
            "(?i)(.*[._-])?(sha256sums?|sha512sums?|checksums?|shasums?)([._-].*)?(\\.txt)?");

    private ChecksumFiles() {
    }

    static List<Asset> forAsset(String assetName, List<Asset> release) {
        List<Asset> found = new ArrayList<>();
        for (String suffix : PER_ASSET) {
            release.stream().filter(a -> a.name().equals(assetName + suffix)).forEach(found::add);
        }
        release.stream()
                .filter(a -> !found.contains(a) && !a.name().equals(assetName))
                .filter(a -> RELEASE_FILE.matcher(a.name()).matches() && !isSignature(a.name()))
                .sorted((x, y) -> Boolean.compare(!prefersSha256(x.name()), !prefersSha256(y.name())))
                .forEach(found::add);
        return found;
    }

    private static boolean isSignature(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".sig") || n.endsWith(".asc") || n.endsWith(".pem") || n.endsWith(".minisig")
                || n.endsWith(".bundle") || n.endsWith(".sigstore.json") || n.endsWith(".cert");
    }

    private static boolean prefersSha256(String name) {
        return name.toLowerCase(Locale.ROOT).contains("256") || name.toLowerCase(Locale.ROOT).contains("checksum");
    }
}
