package dev.pitstop.core.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The template subset, checked against what Go's text/template prints for the same input. */
class GoTemplateTest {
    private static final Map<String, Object> DATA = Map.of("PRE", 2L, "OK", "SUCCESS", "VERSION", "v1.2.3",
            "FTR_A_ENABLED", true, "FTR_B_ENABLED", true, "OFF", false, "PC_REPLICA_NUM", 3L, "RATIO", 1.5,
            "DB", Map.of("host", "db.local"));

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiterString = " => ", emptyValue = "", value = {
            "sleep {{.PRE}} && echo {{.OK}} => sleep 2 && echo SUCCESS",
            "404{{.PC_REPLICA_NUM}} => 4043",
            "{{ .OK }} => SUCCESS",
            "'version {{or \"\" .VERSION}}' => 'version v1.2.3'",
            "{{if .FTR_A_ENABLED}}A on{{else}}A off{{end}} => A on",
            "{{if .OFF}}x{{else if .FTR_B_ENABLED}}b{{else}}c{{end}} => b",
            "Hi {{if and .FTR_A_ENABLED .FTR_B_ENABLED}}both{{end}} => Hi both",
            "{{if not .OFF}}yes{{end}} => yes",
            "{{ \"{{ .SOME_VAR }}\" }} => {{ .SOME_VAR }}",
            "{{.MISSING}} => <no value>",
            "{{.DB.host}} => db.local",
            "{{with .DB}}{{.host}}{{end}} => db.local",
            "{{.RATIO}} => 1.5",
            "{{if eq .OK \"SUCCESS\"}}same{{end}} => same",
            "{{printf \"%s-%d\" .OK .PRE}} => SUCCESS-2",
            "{{.OK | printf \"[%s]\"}} => [SUCCESS]",
            "a  {{- .PRE -}}  b => a2b",
            "x{{/* a comment */}}y => xy",
            "{{len .OK}} => 7",
    })
    void rendersLikeGo(String template, String expected) {
        assertThat(GoTemplate.parse(template).render(DATA)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiterString = " => ", value = {
            "{{range .DB}}x{{end}} => {{range}} is not supported by Pitstop",
            "{{.State.Running}} => nil pointer evaluating .State.Running",
            "{{if .OK}}x => without {{end}}",
            "{{.OK|unknownfn}} => function \"unknownfn\" not defined",
            "{{.OK|unclosed => unclosed action",
            "{{$x := 1}} => variables",
    })
    void refusesWhatItCannotRender(String template, String message) {
        assertThatThrownBy(() -> GoTemplate.parse(template).render(DATA))
                .isInstanceOf(GoTemplate.TemplateException.class).hasMessageContaining(message);
    }
}
