package dev.pitstop.supervisor;

import dev.pitstop.core.process.LaunchCheck;
import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.Stack;
import dev.pitstop.supervisor.platform.Child;
import dev.pitstop.supervisor.platform.OutputSink;
import dev.pitstop.supervisor.platform.ProcessPlatform;
import dev.pitstop.supervisor.platform.SpawnRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a process of the stack (or one of its helpers) into a {@link SpawnRequest}: the shell or the entrypoint, the
 * working folder, the environment with the run's markers. The platform starts it in its own session, so that it
 * leads its own process group (PID == PGID) and the whole tree it forks can be signalled at once.
 */
final class Launcher implements ChildLauncher {
    private final String runId;
    private final LaunchCheck check;
    private final OrphanReaper orphans;
    private final ProcessPlatform platform;

    Launcher(String runId, LaunchCheck check, OrphanReaper orphans, ProcessPlatform platform) {
        this.runId = runId;
        this.check = check;
        this.orphans = orphans;
        this.platform = platform;
    }

    @Override
    public Child start(Stack stack, ProcessSpec spec, OutputSink output, LaunchExtras extras) throws IOException {
        check.beforeLaunch(stack, spec);
        List<String> argv = spec.command() != null ? shell(stack, spec.command()) : spec.entrypoint();
        Map<String, String> env = environment(stack, spec, false);
        env.putAll(extras.environment());
        return spawn(new SpawnRequest(argv, env, existingFolder(workingDir(stack, spec)),
                new SpawnRequest.ToSink(output), extras.fds()));
    }

    @Override
    public Child startCheck(Stack stack, ProcessSpec owner, String command, Path output) throws IOException {
        check.beforeLaunch(stack, owner);
        return spawn(new SpawnRequest(shell(stack, command), environment(stack, owner, true),
                existingFolder(workingDir(stack, owner)), new SpawnRequest.ToFile(output), List.of()));
    }

    @Override
    public Child startHelper(Stack stack, ProcessSpec owner, String command, Path workingDir) throws IOException {
        Path dir = workingDir != null ? stack.directory().resolve(workingDir) : workingDir(stack, owner);
        return spawn(new SpawnRequest(shell(stack, command), environment(stack, owner, true), existingFolder(dir),
                new SpawnRequest.Discard(), List.of()));
    }

    private Child spawn(SpawnRequest request) throws IOException {
        return orphans.launch(() -> platform.spawn(request));
    }

    private static List<String> shell(Stack stack, String command) {
        List<String> argv = new ArrayList<>(stack.shell());
        argv.add(command);
        return argv;
    }

    /** Says what is wrong instead of a bare "No such file or directory" for a missing folder. */
    private static Path existingFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("working_dir " + dir + (Files.exists(dir) ? " is not a folder" : " does not exist"));
        }
        return dir;
    }

    static Path workingDir(Stack stack, ProcessSpec spec) {
        return spec.workingDir() == null ? stack.directory() : stack.directory().resolve(spec.workingDir());
    }

    private Map<String, String> environment(Stack stack, ProcessSpec owner, boolean helper) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(stack.environment());
        env.putAll(owner.environment());
        env.put(RunMarker.RUN_ID, runId);
        env.put(RunMarker.PROCESS_NAME, owner.name());
        if (helper) {
            env.put(RunMarker.HELPER, "1");
        }
        return env;
    }
}
