package dev.pitstop.core.stack;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Turns a parser's multi-line syntax report into one {@code file:line:column: problem} line. */
final class SyntaxErrors {
    private SyntaxErrors() {}

    static StackFileException toStackFileException(Path file, JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                return fromSnakeYaml(file, marked);
            }
        }
        JsonLocation at = e.getLocation();
        int line = at == null ? 0 : at.getLineNr();
        int column = at == null ? 0 : at.getColumnNr();
        return new StackFileException(file, line, column, null, "YAML syntax error: " + firstLine(e.getOriginalMessage()));
    }

    private static StackFileException fromSnakeYaml(Path file, MarkedYAMLException e) {
        Mark problemAt = e.getProblemMark();
        StringBuilder problem = new StringBuilder("YAML syntax error: ").append(firstLine(e.getProblem()));
        Mark contextAt = e.getContextMark();
        if (e.getContext() != null) {
            problem.append(" (").append(e.getContext());
            if (contextAt != null) {
                problem.append(" at line ").append(contextAt.getLine() + 1).append(", column ").append(contextAt.getColumn() + 1);
            }
            problem.append(')');
        }
        return new StackFileException(file, problemAt.getLine() + 1, problemAt.getColumn() + 1, null, problem.toString());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable YAML";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }
}
