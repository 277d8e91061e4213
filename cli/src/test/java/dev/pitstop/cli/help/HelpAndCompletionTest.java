package dev.pitstop.cli.help;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitstop.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** help, completion and man pages see every command, though a normal run builds only the one it names. */
class HelpAndCompletionTest {
    @TempDir Path dir;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Main.run(dir, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void helpListsEveryCommandAndShowsNestedOnes() {
        assertThat(run("help")).isZero();
        assertThat(out.toString()).startsWith("Usage: pitstop").contains("  ps ", "  self ", "  completion ")
                .doesNotContain("manpages");
        assertThat(run("help", "manifest", "sign")).isZero();
        assertThat(out.toString()).startsWith("Usage: pitstop manifest sign").contains("--key=FILE");
        assertThat(run("help", "self", "update")).isZero();
        assertThat(out.toString()).contains("--version=TAG");
    }

    @Test
    void helpOfAnUnknownCommandIsAUsageError() {
        assertThat(run("help", "nope")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("pitstop: no command 'nope'; see pitstop help\n");
    }

    @Test
    void bashCompletionIsValidBashAndKnowsNestedCommands() throws Exception {
        assertThat(run("completion", "bash")).isZero();
        Path script = Files.writeString(dir.resolve("pitstop.bash"), out.toString());
        assertThat(out.toString()).contains("manifest", "rollback", "--follow");
        // bash accepts it, and completing "pitstop manifest s" offers sign and show
        Process bash = new ProcessBuilder("bash", "-c", "source " + script + "; COMP_WORDS=(pitstop manifest s); "
                + "COMP_CWORD=2; COMP_LINE='pitstop manifest s'; COMP_POINT=${#COMP_LINE}; _complete_pitstop; "
                + "printf '%s\\n' \"${COMPREPLY[@]}\"").redirectErrorStream(true).start();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(bash.getInputStream().readAllBytes())).contains("sign", "show");
        assertThat(bash.exitValue()).isZero();
    }

    @Test
    void zshCompletionIsPicocliScriptThroughBashcompinit() {
        assertThat(run("completion", "zsh")).isZero();
        assertThat(out.toString()).startsWith("#compdef pitstop\n").contains("bashcompinit", "_complete_pitstop");
    }

    @Test
    void fishCompletionHasOneLinePerCommandAndOption() {
        assertThat(run("completion", "fish")).isZero();
        assertThat(out.toString())
                .contains("complete -c pitstop -n '__fish_use_subcommand' -a ps -d 'Show the processes of the running stack.'")
                .contains("complete -c pitstop -n '__fish_seen_subcommand_from manifest; and not __fish_seen_subcommand_from show sign verify' -a sign")
                .contains("complete -c pitstop -n '__fish_seen_subcommand_from manifest; and __fish_seen_subcommand_from sign'"
                        + " -l key -r -F")
                .contains("-n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'")
                .doesNotContain("manpages");
    }

    @Test
    void completionForAnotherShellIsAUsageError() {
        assertThat(run("completion", "tcsh")).isEqualTo(2);
        assertThat(err.toString()).contains("choose bash, zsh or fish");
    }

    @Test
    void manPagesAreRoffForEveryCommand() throws Exception {
        assertThat(run("manpages", "man1")).isZero();
        Path man = dir.resolve("man1");
        assertThat(man.resolve("pitstop.1")).content().startsWith(".TH PITSTOP 1 \"\" \"pitstop ")
                .contains(".SH COMMANDS", "\\fBps\\fR", ".SH EXIT STATUS");
        assertThat(man.resolve("pitstop-manifest-sign.1")).content()
                .contains(".SH NAME\npitstop\\-manifest\\-sign \\- Sign pitstop.lock.json")
                .contains(".TP\n\\fB\\-\\-key\\fR \\fIFILE\\fR\n")
                .contains(".SH SEE ALSO\n\\fBpitstop\\-manifest\\fR(1)");
        assertThat(man.resolve("pitstop-self-update.1")).exists();
        assertThat(man.resolve("pitstop-manpages.1")).doesNotExist();
    }

    @Test
    void roffEscapesBackslashesHyphensAndLeadingDots() {
        assertThat(ManPage.escape("a-b \\x\n.dot\n'quote")).isEqualTo("a\\-b \\ex\n\\&.dot\n\\&'quote");
    }
}
