package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.cli.client.StackLocation;
import dev.pitstop.cli.run.Detacher;
import dev.pitstop.cli.run.ForegroundStack;
import dev.pitstop.core.stack.StackReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        this.file = Specs.files(spec, "-f", "--file");
        this.detach = Specs.flag(spec, "Run in the background; output goes to .pitstop/pitstop.out.",
                "-d", "--detach");
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() throws Exception {
        List<Path> named = file.getValue() == null ? List.of() : file.getValue();
        StackLocation location = StackLocation.find(named.isEmpty() ? null : named.get(0), root.workDir());
        List<Path> files = new ArrayList<>(List.of(location.requireFile()));
        for (Path more : named.subList(Math.min(1, named.size()), named.size())) {
            files.add(StackLocation.find(more, root.workDir()).requireFile());
        }
        if (named.isEmpty()) {
            overrideFile(location.directory()).ifPresent(files::add); // as Process Compose, only when discovered
        }
        if (Specs.isSet(detach)) {
            return new Detacher(location, files, root.verbose(), root.home()).detach(spec.commandLine().getOut());
        }
        return new ForegroundStack(files, root.home()).run(spec.commandLine().getOut());
    }

    private static Optional<Path> overrideFile(Path dir) {
        return StackReader.OVERRIDE_NAMES.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst();
    }
}
