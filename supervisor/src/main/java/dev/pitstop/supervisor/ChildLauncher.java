package dev.pitstop.supervisor;

import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.Stack;
import dev.pitstop.supervisor.platform.Child;
import dev.pitstop.supervisor.platform.OutputSink;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Starts the children of a stack: its processes, and the helpers that belong to them. Every child leads its own
 * session and carries the run's marker ({@link RunMarker}); how it is spawned is the process platform's business.
 */
interface ChildLauncher {
    /**
     * Starts a supervised process with stdout and stderr merged into {@code output}, if the launch check allows it.
     *
     * @param extras what the run gets beyond its stack-file settings: its readiness notification channel (an
     *               environment variable, a descriptor)
     */
    Child start(Stack stack, ProcessSpec spec, OutputSink output, LaunchExtras extras) throws IOException;

    /** Starts a check command (a swap's preflight) after the launch check, its output going to {@code output}. */
    Child startCheck(Stack stack, ProcessSpec owner, String command, Path output) throws IOException;

    /** Starts a helper command (exec probe, shutdown command) whose output nobody reads. */
    Child startHelper(Stack stack, ProcessSpec owner, String command, Path workingDir) throws IOException;
}
