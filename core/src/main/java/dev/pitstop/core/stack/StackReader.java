package dev.pitstop.core.stack;

import dev.pitstop.core.source.SourceKinds;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads a stack file in the Process Compose dialect, with Pitstop's {@code binaries:} section and
 * extensions, into a validated {@link Stack}. Every problem that makes the file unusable is a
 * {@link StackFileException} whose one-line message reads {@code file:line:column: key: problem};
 * keys that are merely not used end up in {@link Stack#warnings()}.
 */
public final class StackReader {
    /** The names {@link #discover(Path)} tries, in order. */
    public static final List<String> FILE_NAMES =
            List.of("pitstop.yaml", "process-compose.yaml", "process-compose.yml", "compose.yaml", "compose.yml");

    private final HostEnvironment environment;
    private final SourceKinds kinds;
    private final SourceSettingsReader settings = new SourceSettingsReader();

    /** @param kinds the installed source kinds: a {@code binaries:} entry of any other kind is an error */
    @Inject
    public StackReader(HostEnvironment environment, SourceKinds kinds) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.kinds = Objects.requireNonNull(kinds, "kinds");
    }

    /** Reads and validates {@code file}; relative paths in it are taken from its folder. */
    public Stack read(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String text;
        try {
            text = Files.readString(absolute);
        } catch (NoSuchFileException e) {
            throw new StackFileException(absolute, 0, 0, null, "no such file");
        } catch (IOException e) {
            throw new StackFileException(absolute, 0, 0, null, "cannot read: " + e);
        }
        return new StackParser(YamlDocument.parse(absolute, text), environment.variables(), kinds, settings).parse();
    }

    /** The first of {@link #FILE_NAMES} that exists in {@code dir}, as an absolute path. */
    public Path discover(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        for (String name : FILE_NAMES) {
            Path candidate = absolute.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new StackFileException(absolute, 0, 0, null, "no stack file found; tried " + String.join(", ", FILE_NAMES));
    }
}
