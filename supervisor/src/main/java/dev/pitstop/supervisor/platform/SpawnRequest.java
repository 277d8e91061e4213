package dev.pitstop.supervisor.platform;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to start.
 *
 * @param argv        the program and its arguments; a program without {@code /} is looked up in this process's PATH
 * @param environment the child's whole environment
 * @param workingDir  an existing folder
 * @param output      where stdout and stderr (merged) go
 * @param fds         extra descriptors the child gets
 */
public record SpawnRequest(List<String> argv, Map<String, String> environment, Path workingDir, Output output,
                           List<FdMapping> fds) {

    public SpawnRequest {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv must not be empty");
        }
        environment = Map.copyOf(environment);
        Objects.requireNonNull(workingDir, "workingDir");
        Objects.requireNonNull(output, "output");
        fds = List.copyOf(fds);
        if (fds.stream().map(FdMapping::childFd).distinct().count() != fds.size()) {
            throw new IllegalArgumentException("two mappings give the child the same fd: " + fds);
        }
    }

    /** Where a child's merged stdout and stderr go. */
    public sealed interface Output permits ToSink, ToFile, Discard {}

    /** Into a pipe that the platform's {@link IoLoop} reads into {@code sink}. */
    public record ToSink(OutputSink sink) implements Output {
        public ToSink {
            Objects.requireNonNull(sink, "sink");
        }
    }

    /** Into a file, created or truncated (mode 0600). */
    public record ToFile(Path file) implements Output {
        public ToFile {
            Objects.requireNonNull(file, "file");
        }
    }

    /** To {@code /dev/null}. */
    public record Discard() implements Output {}
}
