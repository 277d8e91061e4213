package dev.pitstop.testkit;

import dev.pitstop.core.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * Where a test's stack runs: {@code target/pitstop/<test class>[/<method>]}, or under the folder named by the
 * system property {@value #ROOT_PROPERTY}. The folder is the same on every run of a test, so the supervisor finds
 * what a killed run left behind in its state folder ({@code .pitstop/running.json}) and stops it.
 */
final class WorkFolder {
    /** The system property that moves every work folder (default {@code <module>/target/pitstop}). */
    static final String ROOT_PROPERTY = "pitstop.testkit.dir";
    /** What is never copied from a stack file's folder: state, build output, version control. */
    private static final Set<String> SKIPPED = Set.of(".pitstop", "target", ".git");

    private WorkFolder() {}

    static Path root() {
        String explicit = System.getProperty(ROOT_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        // Surefire sets basedir to the module's folder; an IDE usually runs tests from there too
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("target").resolve("pitstop");
    }

    /** Folder names that stay readable: the class's binary name, the method's name. */
    static Path of(Class<?> testClass, String method) {
        Path dir = root().resolve(testClass.getName());
        return method == null ? dir : dir.resolve(method.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    /**
     * Fills {@code dir} with the stack: a copy of the stack file's folder (so its relative paths still resolve),
     * or the YAML text as {@code pitstop.yaml}. A state folder left in {@code dir} by an earlier run stays.
     *
     * @return the stack file in {@code dir}
     */
    static Path prepare(Path dir, StackConfig config) {
        try {
            Files.createDirectories(dir);
            if (config.yaml() != null) {
                Path file = dir.resolve("pitstop.yaml");
                AtomicFiles.write(file, config.yaml().getBytes(StandardCharsets.UTF_8));
                return file;
            }
            Path source = config.stackFile().toAbsolutePath().normalize();
            if (!Files.isRegularFile(source)) {
                throw new IllegalArgumentException("no stack file at " + source);
            }
            copyFolder(source.getParent(), dir);
            return dir.resolve(source.getFileName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir + " for the stack: " + e.getMessage(), e);
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Path root = root();
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                if (!d.equals(from) && (SKIPPED.contains(d.getFileName().toString()) || d.startsWith(root))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(d).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Files.copy(f, to.resolve(from.relativize(f).toString()), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
