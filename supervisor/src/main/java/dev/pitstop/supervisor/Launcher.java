package dev.pitstop.supervisor;

import dev.pitstop.core.process.LaunchCheck;
import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.Stack;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts every child through {@code setsid}, so that it leads its own session and process group (PID == PGID) and
 * the whole tree it forks can be signalled at once. A child of the JVM is not a group leader, so {@code setsid}
 * does not fork: the PID we get is the PID of the command.
 */
final class Launcher implements ChildLauncher {
    private final String setsid;
    private final String runId;
    private final LaunchCheck check;
    private final OrphanReaper orphans;

    Launcher(String runId, LaunchCheck check, OrphanReaper orphans) {
        this.runId = runId;
        this.check = check;
        this.orphans = orphans;
        this.setsid = Files.isExecutable(Path.of("/usr/bin/setsid")) ? "/usr/bin/setsid"
                : Files.isExecutable(Path.of("/bin/setsid")) ? "/bin/setsid" : "setsid";
    }

    @Override
    public Process start(Stack stack, ProcessSpec spec) throws IOException {
        check.beforeLaunch(stack, spec);
        List<String> argv = spec.command() != null ? shell(stack, spec.command()) : prefixed(spec.entrypoint());
        ProcessBuilder pb = new ProcessBuilder(argv)
                .directory(existingFolder(workingDir(stack, spec)))
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        environment(pb, stack, spec);
        return orphans.launch(pb::start);
    }

    @Override
    public Process startCheck(Stack stack, ProcessSpec owner, String command, Path output) throws IOException {
        check.beforeLaunch(stack, owner);
        ProcessBuilder pb = new ProcessBuilder(shell(stack, command))
                .directory(existingFolder(workingDir(stack, owner)))
                .redirectOutput(output.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        environment(pb, stack, owner);
        pb.environment().put(RunMarker.HELPER, "1");
        return orphans.launch(pb::start);
    }

    @Override
    public Process startHelper(Stack stack, ProcessSpec owner, String command, Path workingDir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(shell(stack, command))
                .directory(existingFolder(workingDir != null ? stack.directory().resolve(workingDir) : workingDir(stack, owner)))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        environment(pb, stack, owner);
        pb.environment().put(RunMarker.HELPER, "1");
        return orphans.launch(pb::start);
    }

    private List<String> shell(Stack stack, String command) {
        List<String> argv = prefixed(stack.shell());
        argv.add(command);
        return argv;
    }

    private List<String> prefixed(List<String> argv) {
        List<String> all = new ArrayList<>(argv.size() + 2);
        all.add(setsid);
        all.addAll(argv);
        return all;
    }

    /** Says what is wrong instead of the JDK's "Cannot run program setsid" for a missing folder. */
    private static File existingFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("working_dir " + dir + (Files.exists(dir) ? " is not a folder" : " does not exist"));
        }
        return dir.toFile();
    }

    static Path workingDir(Stack stack, ProcessSpec spec) {
        return spec.workingDir() == null ? stack.directory() : stack.directory().resolve(spec.workingDir());
    }

    private void environment(ProcessBuilder pb, Stack stack, ProcessSpec owner) {
        Map<String, String> env = pb.environment();
        env.putAll(stack.environment());
        env.putAll(owner.environment());
        env.put(RunMarker.RUN_ID, runId);
        env.put(RunMarker.PROCESS_NAME, owner.name());
    }
}
