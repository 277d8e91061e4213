package dev.pitstop.cli.self;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code release} file at the root of a release archive: {@code KEY="value"} lines ({@code PITSTOP_VERSION},
 * {@code PITSTOP_PLATFORM}, {@code JAVA_VERSION}, {@code JAVA_MODULES}), like the JDK's own {@code release}.
 */
public final class ReleaseFile {
    private ReleaseFile() {}

    /** The value of {@code key}, or empty when the file or the key is missing. */
    public static Optional<String> field(Path tree, String key) {
        try {
            return Files.readAllLines(tree.resolve("release"), StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith(key + "="))
                    .map(l -> l.substring(key.length() + 1).replace("\"", "").strip())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
