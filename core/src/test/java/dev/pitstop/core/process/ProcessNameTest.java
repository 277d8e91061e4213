package dev.pitstop.core.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcessNameTest {

    @Test
    void ordinaryNamesAreTheirOwnFileNames() {
        assertThat(new ProcessName("nats").fileName()).isEqualTo("nats");
        assertThat(new ProcessName("web-0").fileName()).isEqualTo("web-0");
        assertThat(new ProcessName("api_v2.internal").fileName()).isEqualTo("api_v2.internal");
    }

    @Test
    void pathsAndDotsCannotLeaveTheFolder() {
        assertThat(new ProcessName("../../x").fileName()).isEqualTo("%2E%2E%2F%2E%2E%2Fx");
        assertThat(new ProcessName("/tmp/x").fileName()).isEqualTo("%2Ftmp%2Fx");
        assertThat(new ProcessName("a/b").fileName()).isEqualTo("a%2Fb");
        assertThat(new ProcessName("..").fileName()).isEqualTo("%2E%2E");
        assertThat(new ProcessName(".hidden").fileName()).isEqualTo("%2Ehidden");
        assertThat(new ProcessName("a\\b").fileName()).isEqualTo("a%5Cb");
    }

    @Test
    void distinctNamesNeverShareAFile() {
        assertThat(new ProcessName("a/b").fileName()).isNotEqualTo(new ProcessName("a%2Fb").fileName());
        assertThat(new ProcessName("a%2Fb").fileName()).isEqualTo("a%252Fb");
        assertThat(new ProcessName("größe").fileName()).isEqualTo("gr%C3%B6%C3%9Fe");
    }

    @Test
    void namesThatCannotNameAFileAreRefused() {
        assertThatThrownBy(() -> new ProcessName("")).hasMessage("a process name must not be empty");
        assertThatThrownBy(() -> new ProcessName("a\nb"))
                .hasMessage("a process name must not contain control characters (found U+000A)");
        assertThatThrownBy(() -> new ProcessName("/".repeat(81)))
                .hasMessage("the process name is too long to name a log file (243 bytes once encoded, at most 240)");
    }
}
