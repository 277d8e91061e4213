package dev.pitstop.cli.help;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A fish completion script from the command model: one {@code complete} line per subcommand and option, each
 * under the condition that the words so far name its command. picocli generates bash only; fish's
 * {@code complete} lines are simple enough to write from the model.
 */
final class FishCompletion {

    String script(CommandLine root) {
        StringBuilder out = new StringBuilder("# fish completion for pitstop, generated from its command model\n")
                .append("complete -c pitstop -f\n");
        add(out, root, List.of());
        return out.toString();
    }

    private void add(StringBuilder out, CommandLine command, List<String> path) {
        Map<String, CommandLine> subs = CommandModel.visible(command);
        String here = condition(path, subs.keySet());
        for (Map.Entry<String, CommandLine> sub : subs.entrySet()) {
            out.append("complete -c pitstop -n ").append(quote(here)).append(" -a ").append(sub.getKey())
                    .append(" -d ").append(quote(CommandModel.summary(sub.getValue().getCommandSpec()))).append('\n');
        }
        CommandSpec spec = command.getCommandSpec();
        for (OptionSpec option : CommandModel.options(spec)) {
            out.append("complete -c pitstop -n ").append(quote(here));
            for (String name : option.names()) {
                if (name.startsWith("--")) {
                    out.append(" -l ").append(name.substring(2));
                } else if (name.length() == 2) {
                    out.append(" -s ").append(name.charAt(1));
                } else {
                    out.append(" -o ").append(name.substring(1));
                }
            }
            if (CommandModel.takesValue(option)) {
                out.append(option.completionCandidates() != null
                        ? " -x -a " + quote(String.join(" ", option.completionCandidates())) : " -r -F");
            }
            out.append(" -d ").append(quote(firstSentence(CommandModel.description(option)))).append('\n');
        }
        spec.positionalParameters().stream().filter(p -> p.completionCandidates() != null && !p.hidden())
                .forEach(p -> out.append("complete -c pitstop -n ").append(quote(here)).append(" -a ")
                        .append(quote(String.join(" ", p.completionCandidates()))).append('\n'));
        for (Map.Entry<String, CommandLine> sub : subs.entrySet()) {
            List<String> deeper = new java.util.ArrayList<>(path);
            deeper.add(sub.getKey());
            add(out, sub.getValue(), deeper);
        }
    }

    /** fish's test that the command line so far is {@code pitstop PATH...} and no subcommand of it yet. */
    private static String condition(List<String> path, java.util.Set<String> subcommands) {
        StringBuilder test = new StringBuilder();
        if (path.isEmpty()) {
            test.append("__fish_use_subcommand");
        } else {
            for (String word : path) {
                test.append(test.length() == 0 ? "" : "; and ").append("__fish_seen_subcommand_from ").append(word);
            }
            if (!subcommands.isEmpty()) {
                test.append("; and not __fish_seen_subcommand_from ").append(String.join(" ", subcommands));
            }
        }
        return test.toString();
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    /** A fish single-quoted string: only {@code \} and {@code '} are special inside. */
    static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
