package dev.pitstop.supervisor;

import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.Stack;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Starts the children of a stack: its processes, and the helpers that belong to them. An interface so that another
 * way of spawning (posix_spawn with one reaper thread, issue 14) can replace {@link Launcher} without touching the
 * lifecycle; every implementation must start each child in its own session and mark it ({@link RunMarker}).
 */
interface ChildLauncher {
    /** Starts a supervised process with stdout and stderr merged into one pipe, if the launch check allows it. */
    Process start(Stack stack, ProcessSpec spec) throws IOException;

    /** Starts a check command (a swap's preflight) after the launch check, its output going to {@code output}. */
    Process startCheck(Stack stack, ProcessSpec owner, String command, Path output) throws IOException;

    /** Starts a helper command (exec probe, shutdown command) whose output nobody reads. */
    Process startHelper(Stack stack, ProcessSpec owner, String command, Path workingDir) throws IOException;
}
