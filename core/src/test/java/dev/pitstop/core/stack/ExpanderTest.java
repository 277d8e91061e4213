package dev.pitstop.core.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Process Compose's expansion: {@code $$} first, then drone/envsubst. Expected values are those of
 * drone/envsubst's own tests ({@code eval_test.go}, {@code parse_test.go}) where they exist.
 */
class ExpanderTest {
    private final Expander expander = new Expander(Map.of("A", "x", "AB", "y", "_u1", "z", "var01", "abcdEFGH28ij",
            "path_name", "/home/bozo/ideas/thoughts.for.today", "stringZ", "abcABC123ABCabc", "filename", "bash.string.txt",
            "default_var", "foo", "slashes", "foo/bar/baz"), Path.of("/s/.pitstop/bin"), Set.of("nats"), true);

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
            "plain|plain",
            "$A|$A",
            "${A}B|xB",
            "$A-${AB}|$A-y",
            "${MISSING}!|!",
            "$$A|$A",
            "$${A}|${A}",
            "a$|a$",
            "$(date)|$(date)",
            "${#var01}|12",
            "${var01^}|AbcdEFGH28ij",
            "${var01^^}|ABCDEFGH28IJ",
            "${var01,}|abcdEFGH28ij",
            "${var01,,}|abcdefgh28ij",
            "${path_name:11}|ideas/thoughts.for.today",
            "${path_name:11:5}|ideas",
            "${A=abc}|x",
            "${var=xyz}|xyz",
            "${var:=xyz}|xyz",
            "${var:-xyz}|xyz",
            "${A:-xyz}|x",
            "${var:?xyz}|xyz",
            "something ${var=${default_var}}|something foo",
            "foo: ${var=prefix${default_var}-suffix}|foo: prefixfoo-suffix",
            "${var-xyz}|''",
            "${stringZ/%abc/XYZ}|abcABC123ABCXYZ",
            "${stringZ/#abc/XYZ}|XYZABC123ABCabc",
            "${stringZ//abc/xyz}|xyzABC123ABCxyz",
            "${stringZ/abc/xyz}|xyzABC123ABCabc",
            "${slashes//\\//-}|foo-bar-baz",
            "${filename#*.}|string.txt",
            "${filename##*.}|txt",
            "${filename%.*}|bash.string",
            "${filename%%.*}|bash",
            "${var=${var01^^}}|ABCDEFGH28IJ",
            "${bin:nats} -p 1|/s/.pitstop/bin/nats -p 1",
    })
    void expandsLikeProcessCompose(String in, String out) {
        assertThat(expander.expand(in)).isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"${}", "${A", "${A B}", "x ${A:-y"})
    void malformedReferencesAreRefused(String in) {
        assertThatThrownBy(() -> expander.expand(in)).isInstanceOf(Expander.ExpansionException.class)
                .hasMessageStartingWith("bad substitution");
    }

    @Test
    void undeclaredBinaryIsAnError() {
        assertThatThrownBy(() -> expander.expand("${bin:natz}"))
                .isInstanceOf(Expander.ExpansionException.class)
                .hasMessage("${bin:natz} refers to 'natz', which is not declared under 'binaries:' (declared: nats)");
    }

    @Test
    void disabledExpansionLeavesEverythingButBinaries() {
        Expander off = new Expander(Map.of("A", "x"), Path.of("/b"), Set.of("nats"), false);
        assertThat(off.expand("$A ${A} $$ ${bin:nats} ${")).isEqualTo("$A ${A} $$ /b/nats ${");
    }
}
