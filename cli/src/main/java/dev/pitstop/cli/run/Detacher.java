package dev.pitstop.cli.run;

import dev.pitstop.cli.Main;
import dev.pitstop.cli.client.StackLocation;
import dev.pitstop.control.RemoteControl;
import dev.pitstop.core.PitstopException;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code pitstop up -d}: starts {@code pitstop up} again as a new session leader ({@code setsid}, so closing
 * the terminal does not hang it up), with its output in {@code .pitstop/pitstop.out}, and returns once that
 * process answers on the control socket.
 */
public final class Detacher {
    static final Duration STARTUP_DEADLINE = Duration.ofSeconds(60);
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final StackLocation location;
    private final List<Path> files;
    private final boolean verbose;
    private final Path home;
    private boolean locked;
    private List<String> upArgs = List.of();

    public Detacher(StackLocation location, boolean verbose) {
        this(location, List.of(location.requireFile()), verbose, null);
    }

    /** @param home the {@code --home} folder to pass on, or {@code null} */
    public Detacher(StackLocation location, boolean verbose, Path home) {
        this(location, List.of(location.requireFile()), verbose, home);
    }

    /** @param files the stack's files, the first being {@code location}'s */
    public Detacher(StackLocation location, List<Path> files, boolean verbose, Path home) {
        this.location = location;
        this.files = List.copyOf(files);
        this.verbose = verbose;
        this.home = home;
    }

    /** The child runs {@code up --locked}: see {@code LockPolicy}. */
    public Detacher locked(boolean required) {
        this.locked = required;
        return this;
    }

    /** More options for the detached {@code up} (those of the Process Compose API). */
    public Detacher upArgs(List<String> args) {
        this.upArgs = List.copyOf(args);
        return this;
    }

    public int detach(PrintWriter out) throws IOException, InterruptedException {
        RemoteControl client = new RemoteControl(location.stateDir());
        if (client.answers()) {
            throw new PitstopException("a stack is already running in " + location.directory());
        }
        Files.createDirectories(location.stateDir());
        Path output = location.stateDir().resolve("pitstop.out");
        Process child = new ProcessBuilder(command())
                .directory(location.directory().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(output.toFile())
                .redirectErrorStream(true)
                .start();
        Instant deadline = Instant.now().plus(STARTUP_DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            if (!child.isAlive()) {
                throw new PitstopException("pitstop up exited with code " + child.exitValue() + " before the stack "
                        + "answered; its output (" + output + "):\n" + tail(output));
            }
            if (isOurs(child) && client.answers()) {
                out.println("stack running in the background: pid " + child.pid() + ", output " + output);
                return 0;
            }
            Thread.sleep(10); // polling a process we do not control (a file read, a connect); the deadline bounds it
        }
        throw new PitstopException("the stack did not answer within " + STARTUP_DEADLINE.toSeconds() + " s; pid "
                + child.pid() + " is still starting, see " + output);
    }

    /** The pid file names the child, so an answer cannot come from another stack. */
    private boolean isOurs(Process child) {
        try {
            return Files.readString(location.stateDir().resolve("pitstop.pid")).strip()
                    .equals(Long.toString(child.pid()));
        } catch (IOException notYet) {
            return false;
        }
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        if (home != null) {
            command.add("--home");
            command.add(home.toString());
        }
        command.add("up");
        for (Path file : files) {
            command.add("-f");
            command.add(file.toString());
        }
        if (verbose) {
            command.add("-v");
        }
        if (locked) {
            command.add("--locked");
        }
        command.addAll(upArgs);
        return command;
    }

    private static String tail(Path output) throws IOException {
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
