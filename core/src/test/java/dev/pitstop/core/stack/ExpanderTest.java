package dev.pitstop.core.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Go's {@code os.ExpandEnv} behaviour, plus {@code $$} and {@code ${bin:…}}. */
class ExpanderTest {
    private final Expander expander = new Expander(Map.of("A", "x", "AB", "y", "_u1", "z"), Path.of("/s/.pitstop/bin"),
            Set.of("nats"), true);

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
            "plain|plain",
            "$A|x",
            "$AB|y",
            "${A}B|xB",
            "$A-$AB|x-y",
            "$_u1.|z.",
            "$MISSING|''",
            "${MISSING}!|!",
            "$$A|$A",
            "$${A}|${A}",
            "a$|a$",
            "$ a|$ a",
            "$(date)|$(date)",
            "$1x|x",
            "${}x|x",
            "${A|A",
            "${bin:nats} -p 1|/s/.pitstop/bin/nats -p 1",
    })
    void expandsLikeGo(String in, String out) {
        assertThat(expander.expand(in)).isEqualTo(out);
    }

    @Test
    void undeclaredBinaryIsAnError() {
        assertThatThrownBy(() -> expander.expand("${bin:natz}"))
                .isInstanceOf(Expander.UndeclaredBinaryException.class)
                .hasMessage("${bin:natz} refers to 'natz', which is not declared under 'binaries:' (declared: nats)");
    }

    @Test
    void disabledExpansionLeavesEverythingButBinaries() {
        Expander off = new Expander(Map.of("A", "x"), Path.of("/b"), Set.of("nats"), false);
        assertThat(off.expand("$A ${A} $$ ${bin:nats} ${")).isEqualTo("$A ${A} $$ /b/nats ${");
    }
}
