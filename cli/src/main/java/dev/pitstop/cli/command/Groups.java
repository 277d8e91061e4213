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
