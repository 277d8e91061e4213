package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.cli.client.StackLocation;
import dev.pitstop.cli.run.Detacher;
import dev.pitstop.cli.run.ForegroundStack;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code pitstop up}. The engine classes are reached only from {@link #call()}, through {@code run.*}, so
 * that no other command loads Guice or the engine.
 */
public final class UpCommand implements Subcommand, Callable<Integer> {
    private final PitstopCommand root;
    private final CommandSpec spec;
    private final OptionSpec file;
    private final OptionSpec detach;

    public UpCommand(PitstopCommand root) {
        this.root = root;
        this.spec = Specs.command(this, "up", "Start the stack and supervise it in the foreground (Ctrl-C stops "
                + "it), or in the background with -d.");
        this.file = Specs.file(spec, "-f", "--file");
        this.detach = Specs.flag(spec, "Run in the background; output goes to .pitstop/pitstop.out.",
                "-d", "--detach");
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() throws Exception {
        StackLocation location = StackLocation.find(file.getValue(), root.workDir());
        Path stackFile = location.requireFile();
        if (Specs.isSet(detach)) {
            return new Detacher(location, root.verbose(), root.home()).detach(spec.commandLine().getOut());
        }
        return new ForegroundStack(stackFile, root.home()).run(spec.commandLine().getOut());
    }
}
