package dev.pitstop.core.stack;

import dev.pitstop.core.PitstopException;
import java.nio.file.Path;

/** A stack file that cannot be run; the message reads {@code file:line:column: key: problem}. */
public final class StackFileException extends PitstopException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final int column;
    private final String key;
    private final String problem;

    public StackFileException(Path file, int line, int column, String key, String problem) {
        super(format(file, line, column, key, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.key = key;
        this.problem = problem;
    }

    private static String format(Path file, int line, int column, String key, String problem) {
        StringBuilder sb = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (key != null && !key.isEmpty()) {
            sb.append(key).append(": ");
        }
        return sb.append(problem).toString();
    }

    public Path file() { return file; }
    public int line() { return line; }
    public int column() { return column; }
    /** Dotted path of the offending key, for example {@code processes.web.depends_on.db}. */
    public String key() { return key; }
    public String problem() { return problem; }
}
