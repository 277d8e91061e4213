package dev.pitstop.core.stack;

import dev.pitstop.core.source.SourceKinds;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a stack file in the Process Compose dialect, with Pitstop's {@code binaries:} section and
 * extensions, into a validated {@link Stack}. Every problem that makes the file unusable is a
 * {@link StackFileException} whose one-line message reads {@code file:line:column: key: problem};
 * keys that are merely not used end up in {@link Stack#warnings()}.
 */
public final class StackReader {
    /** The names {@link #discover(Path)} tries, in order: Pitstop's own, then Process Compose's order. */
    public static final List<String> FILE_NAMES =
            List.of("pitstop.yaml", "compose.yml", "compose.yaml", "process-compose.yml", "process-compose.yaml");
    /** The override files {@link #discoverFiles(Path)} adds, Process Compose's names in its order. */
    public static final List<String> OVERRIDE_NAMES = List.of("compose.override.yml", "compose.override.yaml",
            "process-compose.override.yml", "process-compose.override.yaml");

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
        return read(List.of(file));
    }

    /**
     * Reads several files as one stack, as Process Compose's repeated {@code -f} does: each later file is
     * merged onto the ones before it (see docs/stack-file.md, "Several files"). Relative paths are taken
     * from the first file's folder, which also holds the state folder.
     */
    public Stack read(List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no stack file given");
        }
        List<Path> absolute = files.stream().map(f -> f.toAbsolutePath().normalize()).toList();
        YamlDocument doc = new StackFiles(StackReader::parse).load(absolute);
        return new StackParser(doc, environment.variables(), kinds, settings, absolute).parse();
    }

    private static YamlDocument parse(Path absolute) {
        if (Files.isDirectory(absolute)) {
            throw new StackFileException(absolute, 0, 0, null, "is a folder, not a stack file (name the file in it, e.g. "
                    + absolute.resolve(FILE_NAMES.get(0)) + ")");
        }
        String text;
        try {
            InputLimits.checkSize(absolute, Files.size(absolute));
            text = InputLimits.decode(absolute, Files.readAllBytes(absolute));
        } catch (NoSuchFileException e) {
            throw new StackFileException(absolute, 0, 0, null, "no such file");
        } catch (IOException e) {
            throw new StackFileException(absolute, 0, 0, null, "cannot read: " + e);
        }
        InputLimits.checkText(absolute, text);
        return YamlDocument.parse(absolute, text);
    }

    /** The first of {@link #FILE_NAMES} that exists in {@code dir}, as an absolute path. */
    public Path discover(Path dir) {
        return discoverFiles(dir).get(0);
    }

    /**
     * The stack file found in {@code dir} and, as Process Compose does when no file is named, the first
     * of {@link #OVERRIDE_NAMES} next to it if there is one.
     */
    public List<Path> discoverFiles(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        Path main = first(absolute, FILE_NAMES);
        if (main == null) {
            throw new StackFileException(absolute, 0, 0, null, "no stack file found; tried " + String.join(", ", FILE_NAMES));
        }
        List<Path> files = new ArrayList<>(List.of(main));
        Path override = first(absolute, OVERRIDE_NAMES);
        if (override != null) {
            files.add(override);
        }
        return files;
    }

    private static Path first(Path dir, List<String> names) {
        for (String name : names) {
            Path candidate = dir.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
