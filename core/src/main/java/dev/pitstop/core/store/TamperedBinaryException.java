package dev.pitstop.core.store;

import dev.pitstop.core.PitstopException;
import dev.pitstop.core.Sha256;
import java.nio.file.Path;

/**
 * A managed binary is about to run from bytes the manifest does not name: its store file changed after it was
 * stored, is gone, or {@code .pitstop/bin/NAME} points somewhere else. The start is refused.
 */
public final class TamperedBinaryException extends PitstopException {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final transient Path file;
    private final transient Sha256 expected;
    private final transient Sha256 actual;

    /**
     * @param expected the recorded SHA-256, or {@code null} if the file is not a recorded version at all
     * @param actual what the bytes hash to, or {@code null} if they cannot be read
     */
    public TamperedBinaryException(String name, Path file, Sha256 expected, Sha256 actual, String problem) {
        super(name + ": refusing to run " + file + ": " + problem
                + (expected == null ? "" : " (recorded sha256 " + expected.shortHex()
                + (actual == null ? "" : ", found " + actual.shortHex()) + ")")
                + "; install a good copy (`pitstop install " + name + " FILE`) or roll back");
        this.name = name;
        this.file = file;
        this.expected = expected;
        this.actual = actual;
    }

    public String name() {
        return name;
    }

    public Path file() {
        return file;
    }

    public Sha256 expected() {
        return expected;
    }

    public Sha256 actual() {
        return actual;
    }
}
