package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pitstop manifest …} and {@code pitstop store …}: commands that only group subcommands. */
public final class Groups implements Subcommand, Callable<Integer> {
    private final CommandSpec spec;

    private Groups(String name, String description) {
        this.spec = Specs.command(this, name, description);
    }

    public static Groups manifest(PitstopCommand root) {
        Groups group = new Groups("manifest", "Show, sign or verify the stack's pitstop.lock.json.");
        group.add("show", EngineCommand.manifestShow(root));
        group.add("sign", ManifestSigning.sign(root));
        group.add("verify", ManifestSigning.verify(root));
        return group;
    }

    public static Groups store(PitstopCommand root) {
        Groups group = new Groups("store", "List or garbage-collect the content-addressed binary store.");
        group.add("ls", StoreCommand.ls(root));
        group.add("gc", StoreCommand.gc(root));
        return group;
    }

    /** Process Compose's {@code process list|start|stop|restart|logs|info} on the same calls as ours. */
    public static Groups process(PitstopCommand root) {
        Groups group = new Groups("process", "Process Compose's process commands: list, start, stop, restart, "
                + "logs, info.");
        group.add("list", new PsCommand(root));
        group.add("start", ActionCommand.start(root));
        group.add("stop", ActionCommand.stop(root));
        group.add("restart", ActionCommand.restart(root));
        group.add("logs", FollowCommand.logs(root));
        group.add("info", new InfoCommand(root));
        return group;
    }

    /** Process Compose's {@code project update} (our {@code apply}) and {@code project state} (our {@code ps}). */
    public static Groups project(PitstopCommand root) {
        Groups group = new Groups("project", "Process Compose's project commands: update, state.");
        group.add("update", StackCommand.apply(root));
        group.add("state", new PsCommand(root));
        return group;
    }

    /** Process Compose's {@code config validate}. */
    public static Groups config(PitstopCommand root) {
        Groups group = new Groups("config", "Process Compose's config commands: validate.");
        group.add("validate", new ValidateCommand(root));
        return group;
    }

    private void add(String name, Subcommand command) {
        spec.addSubcommand(name, command.spec());
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    /** Without a subcommand: the usage, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
