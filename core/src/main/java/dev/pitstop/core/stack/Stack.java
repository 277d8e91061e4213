package dev.pitstop.core.stack;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed and validated stack file.
 *
 * @param file the stack file (absolute), or {@code null} for a stack assembled in code
 * @param processes in file order; replicas already expanded
 * @param shell the argv prefix that runs a {@code command} string (default {@code bash -c})
 * @param warnings unknown keys and similar findings that did not stop the read, one line each
 *                 ({@code file:line:column: key: problem})
 * @param files every file the stack was read from, in the order given ({@code file} first); reading
 *              them again gives the same stack
 * @param envCommands Process Compose's {@code env_cmds}: variable name → shell command whose trimmed
 *                    output is added to the stack's environment when the stack starts
 * @param drill the {@code drill:} section ({@link DrillSpec#NONE} when absent)
 * @param name the top-level {@code name} (Process Compose's project name), or {@code null} when the file gives none
 */
public record Stack(Path file, Map<String, ProcessSpec> processes, Map<String, BinarySpec> binaries,
                    Map<String, String> environment, Path logLocation, List<String> shell, boolean orderedShutdown,
                    boolean strict, List<String> warnings, List<Path> files, Map<String, String> envCommands,
                    DrillSpec drill, String name) {

    public static final List<String> DEFAULT_SHELL = List.of("bash", "-c");

    public Stack {
        processes = Collections.unmodifiableMap(new LinkedHashMap<>(processes));
        binaries = binaries == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(binaries));
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        shell = shell == null || shell.isEmpty() ? DEFAULT_SHELL : List.copyOf(shell);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        files = files == null || files.isEmpty() ? (file == null ? List.of() : List.of(file)) : List.copyOf(files);
        envCommands = envCommands == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(envCommands));
        drill = drill == null ? DrillSpec.NONE : drill;
        name = name == null || name.isBlank() ? null : name;
    }

    public Stack(Path file, Map<String, ProcessSpec> processes, Map<String, BinarySpec> binaries,
                 Map<String, String> environment, Path logLocation, List<String> shell, boolean orderedShutdown,
                 boolean strict, List<String> warnings, List<Path> files, Map<String, String> envCommands,
                 DrillSpec drill) {
        this(file, processes, binaries, environment, logLocation, shell, orderedShutdown, strict, warnings, files,
                envCommands, drill, null);
    }

    public Stack(Path file, Map<String, ProcessSpec> processes, Map<String, BinarySpec> binaries,
                 Map<String, String> environment, Path logLocation, List<String> shell, boolean orderedShutdown,
                 boolean strict, List<String> warnings, List<Path> files, Map<String, String> envCommands) {
        this(file, processes, binaries, environment, logLocation, shell, orderedShutdown, strict, warnings, files,
                envCommands, null, null);
    }

    public Stack(Path file, Map<String, ProcessSpec> processes, Map<String, BinarySpec> binaries,
                 Map<String, String> environment, Path logLocation, List<String> shell, boolean orderedShutdown,
                 boolean strict, List<String> warnings) {
        this(file, processes, binaries, environment, logLocation, shell, orderedShutdown, strict, warnings, null, null,
                null, null);
    }

    /** A stack assembled in code, with defaults for everything but its processes. */
    public static Stack of(Path stateDir, List<ProcessSpec> processes) {
        Map<String, ProcessSpec> byName = new LinkedHashMap<>();
        processes.forEach(p -> byName.put(p.name(), p));
        return new Stack(stateDir == null ? null : stateDir.resolve("pitstop.yaml"), byName, Map.of(), Map.of(),
                null, DEFAULT_SHELL, false, false, List.of());
    }

    /** This stack with other processes (a selection of them, see {@link StackSelection}). */
    public Stack withProcesses(Map<String, ProcessSpec> chosen) {
        return new Stack(file, chosen, binaries, environment, logLocation, shell, orderedShutdown, strict, warnings,
                files, envCommands, drill, name);
    }

    /**
     * The enabled processes whose entries name {@code ${bin:binary}}, in file order: those a swap of that binary
     * reloads.
     */
    public List<String> processesUsing(String binary) {
        return processes.values().stream()
                .filter(p -> !p.disabled() && p.binaries().contains(binary))
                .map(ProcessSpec::name)
                .toList();
    }

    /**
     * Process Compose's project name: the file's {@code name}, else (as Process Compose takes its current folder)
     * the stack's folder.
     */
    public String projectName() {
        return name != null ? name : directory().toString();
    }

    /** The folder of the stack file: the base of relative paths and the parent of {@code .pitstop/}. */
    public Path directory() {
        return file == null ? Path.of("").toAbsolutePath() : file.toAbsolutePath().getParent();
    }

    /** The state folder {@code .pitstop/} next to the stack file. */
    public Path stateDir() {
        return directory().resolve(".pitstop");
    }
}
