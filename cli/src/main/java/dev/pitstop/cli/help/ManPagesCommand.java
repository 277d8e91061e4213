package dev.pitstop.cli.help;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.cli.command.Subcommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code pitstop manpages DIR} (hidden): writes {@code pitstop.1} and one page per command into DIR. The
 * release archive's build runs it for {@code share/man/man1}.
 */
public final class ManPagesCommand implements Subcommand, Callable<Integer> {
    private final CommandSpec spec;
    private final PositionalParamSpec dir;
    private final PitstopCommand root;

    public ManPagesCommand(PitstopCommand root) {
        this.root = root;
        spec = CommandModel.command(this, "manpages", "Write the man pages (roff) of every command into DIR.");
        spec.usageMessage().hidden(true);
        dir = PositionalParamSpec.builder().paramLabel("DIR").type(Path.class).arity("1").required(true)
                .description("The folder, for example share/man/man1.").build();
        spec.addPositional(dir);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() throws IOException {
        CommandLine command = spec.root().commandLine();
        Path folder = root.workDir().resolve((Path) dir.getValue());
        Files.createDirectories(folder);
        ManPage page = new ManPage(Version.current());
        List<CommandLine> commands = new ArrayList<>();
        commands.add(command);
        commands.addAll(CommandModel.descendants(command));
        for (CommandLine each : commands) {
            Path target = folder.resolve(ManPage.fileName(each));
            Path temp = folder.resolve(target.getFileName() + ".part");
            Files.writeString(temp, page.render(each), StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            command.getOut().println(target);
        }
        return 0;
    }
}
