package dev.pitstop.control;

import dev.pitstop.core.process.LogLine;
import dev.pitstop.core.process.ProcessStatus;
import java.util.List;

/** A stand-in for the CLI's renderer: log lines as their text, processes by name, anything else by kind. */
final class TestText {
    static final TextRendering LINES = (kind, value) -> switch (kind) {
        case LOG_LINE -> ((LogLine) value).text() + "\n";
        case PROCESSES -> String.join(" ", ((List<?>) value).stream().map(p -> ((ProcessStatus) p).name()).toList()) + "\n";
        case NOTICE -> "[" + value + "]\n";
        case ERROR -> "error: " + value + "\n";
        default -> kind + "\n";
    };

    private TestText() {}
}
