package dev.pitstop.cli.help;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * One man page in roff ({@code man(7)} macros) from a command's picocli model. picocli's own generator writes
 * AsciiDoc, which needs Asciidoctor (not on Maven Central as a plain Java tool) to become roff; the few macros a
 * command page uses are written here instead: {@code .TH}, {@code .SH}, {@code .TP}, {@code .B}, {@code .I}.
 */
final class ManPage {
    private final String version;

    ManPage(String version) {
        this.version = version;
    }

    /** {@code pitstop-manifest-sign.1} for {@code pitstop manifest sign}. */
    static String fileName(CommandLine command) {
        return CommandModel.qualifiedName(command).replace(' ', '-') + ".1";
    }

    String render(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        String name = CommandModel.qualifiedName(command);
        String title = name.replace(' ', '-');
        StringBuilder out = new StringBuilder();
        out.append(".TH ").append(title.toUpperCase(Locale.ROOT)).append(" 1 \"\" \"pitstop ").append(escape(version))
                .append("\" \"Pitstop Manual\"\n");
        out.append(".SH NAME\n").append(escape(title)).append(" \\- ").append(escape(CommandModel.summary(spec)))
                .append('\n');
        out.append(".SH SYNOPSIS\n.nf\n").append(escape(new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF))
                .synopsis(0).strip())).append("\n.fi\n");
        out.append(".SH DESCRIPTION\n");
        for (String line : spec.usageMessage().description()) {
            out.append(escape(line)).append("\n.PP\n");
        }
        List<PositionalParamSpec> params = spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
        if (!params.isEmpty()) {
            out.append(".SH ARGUMENTS\n");
            params.forEach(p -> item(out, "\\fI" + escape(p.paramLabel()) + "\\fR", CommandModel.description(p)));
        }
        List<OptionSpec> options = CommandModel.options(spec);
        if (!options.isEmpty()) {
            out.append(".SH OPTIONS\n");
            options.forEach(o -> item(out, optionNames(o), CommandModel.description(o)));
        }
        Map<String, CommandLine> subs = CommandModel.visible(command);
        if (!subs.isEmpty()) {
            out.append(".SH COMMANDS\n");
            subs.forEach((sub, line) -> item(out, "\\fB" + escape(sub) + "\\fR",
                    CommandModel.summary(line.getCommandSpec()) + " See " + ManPage.fileName(line)
                            .replaceFirst("\\.1$", "(1)") + "."));
        }
        Map<String, String> exitCodes = spec.usageMessage().exitCodeList();
        if (!exitCodes.isEmpty()) {
            out.append(".SH EXIT STATUS\n");
            exitCodes.forEach((code, meaning) -> item(out, "\\fB" + escape(code) + "\\fR", meaning));
        }
        if (spec.parent() != null) {
            String parent = command.getParent().getCommandSpec().qualifiedName("-");
            out.append(".SH SEE ALSO\n\\fB").append(escape(parent)).append("\\fR(1)\n");
        }
        return out.toString();
    }

    private static void item(StringBuilder out, String tag, String text) {
        out.append(".TP\n").append(tag).append('\n').append(escape(text)).append('\n');
    }

    private static String optionNames(OptionSpec option) {
        StringBuilder tag = new StringBuilder();
        for (String name : option.names()) {
            tag.append(tag.length() == 0 ? "" : ", ").append("\\fB").append(escape(name)).append("\\fR");
        }
        if (CommandModel.takesValue(option)) {
            tag.append(" \\fI").append(escape(option.paramLabel())).append("\\fR");
        }
        return tag.toString();
    }

    /** Text safe in roff: backslashes and hyphens escaped, no line starting with a control character. */
    static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-");
        return escaped.lines().map(l -> l.startsWith(".") || l.startsWith("'") ? "\\&" + l : l)
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
