package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.cli.run.DryRun;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code pitstop config validate}: Process Compose's command of that name, the same as {@code up --dry-run}. */
public final class ValidateCommand implements Subcommand, Callable<Integer> {
    private final PitstopCommand root;
    private final CommandSpec spec;
    private final OptionSpec file;

    public ValidateCommand(PitstopCommand root) {
        this.root = root;
        this.spec = Specs.command(this, "validate", "Read and check the stack file(s) and print what would run; "
                + "exit code 1 on an error.");
        this.file = Specs.files(spec, "-f", "--file");
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() {
        List<Path> named = file.getValue() == null ? List.of() : file.getValue();
        return new DryRun(UpCommand.stackFiles(named, root.workDir()), root.home()).run(spec.commandLine().getOut());
    }
}
