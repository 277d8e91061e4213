package dev.pitstop.cli.help;

import dev.pitstop.cli.command.Subcommand;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code pitstop completion bash|zsh|fish}: a completion script for the shell, from the same command model as
 * help. bash: picocli's {@link AutoComplete}; zsh: that script through zsh's {@code bashcompinit} (picocli's own
 * approach), usable both sourced and autoloaded from {@code $fpath} as {@code _pitstop}; fish:
 * {@link FishCompletion}.
 */
public final class CompletionCommand implements Subcommand, Callable<Integer> {
    private static final List<String> SHELLS = List.of("bash", "zsh", "fish");
    private final CommandSpec spec;
    private final PositionalParamSpec shell;

    public CompletionCommand() {
        spec = CommandModel.command(this, "completion", "Print the shell completion script for bash, zsh or fish.",
                "bash: source <(pitstop completion bash)   zsh: source <(pitstop completion zsh)   "
                        + "fish: pitstop completion fish | source");
        shell = PositionalParamSpec.builder().paramLabel("SHELL").type(String.class).arity("1").required(true)
                .completionCandidates(SHELLS).description("bash, zsh or fish.").build();
        spec.addPositional(shell);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        String name = shell.getValue();
        String script = switch (name) {
            case "bash" -> AutoComplete.bash("pitstop", root);
            case "zsh" -> zsh(root);
            case "fish" -> new FishCompletion().script(root);
            default -> null;
        };
        if (script == null) {
            root.getErr().println("pitstop: completion for '" + name + "' is not available; choose bash, zsh or fish");
            return 2;
        }
        root.getOut().print(script);
        root.getOut().flush();
        return 0;
    }

    private static String zsh(CommandLine root) {
        return "#compdef pitstop\n"
                + "# zsh completion for pitstop: picocli's bash completion, run through zsh's bashcompinit.\n"
                + AutoComplete.bash("pitstop", root)
                + "# Autoloaded from $fpath as _pitstop, this file runs at the first <Tab>: complete that one too.\n"
                + "if [[ \"${funcstack[1]:-}\" == _pitstop ]]; then _bash_complete -F _complete_pitstop; fi\n";
    }
}
