package dev.pitstop.core.store;

import java.nio.file.Path;

/**
 * A manifest that cannot be read as one. Pitstop never overwrites it: the message names the file, the
 * problem (with line and column where the parser knows them) and how to recover.
 */
public final class ManifestCorruptException extends StoreException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public ManifestCorruptException(Path file, int line, int column, String problem, Throwable cause) {
        super(file + ": " + format(line, column, problem), file, cause);
        this.line = line;
        this.column = column;
    }

    private static String format(int line, int column, String problem) {
        String at = line > 0 ? "line " + line + (column > 0 ? ", column " + column : "") + ": " : "";
        return at + problem + " (left untouched; restore it with `git checkout -- pitstop.lock.json` or move it"
                + " aside to start a fresh manifest)";
    }

    /** 1-based, or 0 if unknown. */
    public int line() {
        return line;
    }

    /** 1-based, or 0 if unknown. */
    public int column() {
        return column;
    }
}
