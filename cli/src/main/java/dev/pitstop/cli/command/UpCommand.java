package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.cli.client.StackLocation;
import dev.pitstop.cli.run.Detacher;
import dev.pitstop.cli.run.ForegroundStack;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Runs the stack. The engine classes are reached only from {@link #call()}, through {@code run.*}, so that
 * the other commands never load Guice or the engine when picocli inspects this class.
 */
@Command(name = "up", description = "Start the stack and supervise it in the foreground (Ctrl-C stops it), "
        + "or in the background with -d.")
public final class UpCommand implements Callable<Integer> {
    @ParentCommand PitstopCommand root;
    @Spec CommandSpec spec;
    @Mixin StackOptions stack;

    @Option(names = {"-d", "--detach"}, description = "Run in the background; output goes to .pitstop/pitstop.out.")
    boolean detach;

    @Override
    public Integer call() throws Exception {
        StackLocation location = StackLocation.find(stack.file, root.workDir());
        Path file = location.requireFile();
        if (detach) {
            return new Detacher(location, root.verbose()).detach(spec.commandLine().getOut());
        }
        return new ForegroundStack(file).run(spec.commandLine().getOut());
    }
}
