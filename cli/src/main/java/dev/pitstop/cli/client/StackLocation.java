package dev.pitstop.cli.client;

import dev.pitstop.core.PitstopException;
import dev.pitstop.core.stack.StackReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a stack lives: its file (if any was found) and folder, hence its control socket. Found by file
 * existence only; nothing is parsed, so client commands stay fast.
 *
 * @param file the stack file, or {@code null} when none was named and none exists in the folder
 */
public record StackLocation(Path file, Path directory) {
    /** Looked for in this order when {@code -f} is not given. */
    public static final List<String> DEFAULT_NAMES = StackReader.FILE_NAMES;

    /**
     * @param explicit the {@code -f} value, or {@code null}
     * @param workDir the folder to search (the current directory)
     */
    public static StackLocation find(Path explicit, Path workDir) {
        if (explicit != null) {
            Path file = workDir.resolve(explicit).toAbsolutePath().normalize();
            if (Files.isDirectory(file)) {
                throw new PitstopException(file + " is a folder, not a stack file (name the file in it, e.g. "
                        + file.resolve(DEFAULT_NAMES.get(0)) + ")");
            }
            if (!Files.isRegularFile(file)) {
                throw new PitstopException("stack file " + file + " does not exist");
            }
            return new StackLocation(file, file.getParent());
        }
        Path dir = workDir.toAbsolutePath().normalize();
        for (String name : DEFAULT_NAMES) {
            Path candidate = dir.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return new StackLocation(candidate, dir);
            }
        }
        return new StackLocation(null, dir);
    }

    /** The stack file, or a one-line error naming what was looked for. */
    public Path requireFile() {
        if (file == null) {
            throw new PitstopException("no stack file in " + directory + " (looked for "
                    + String.join(", ", DEFAULT_NAMES) + "); name one with -f");
        }
        return file;
    }

    public Path stateDir() {
        return directory.resolve(".pitstop");
    }
}
