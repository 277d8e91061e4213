package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.core.PitstopException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code pitstop snapshot [-o FILE]}: the snapshot JSON, printed or written to a file. The answer already is
 * the snapshot file's exact form, so the client writes its bytes (temp file in the same folder, then an
 * atomic rename) without parsing them.
 */
public final class SnapshotCommand extends EngineCommand {
    private final OptionSpec output;

    public SnapshotCommand(PitstopCommand root) {
        super(root, "snapshot", "Record name, PID, start time, executable SHA-256 and version of every running "
                + "managed process, as JSON; compare two with pitstop diff.");
        this.output = Specs.option(spec, Path.class, "FILE", "Write it to FILE instead of printing it.",
                "-o", "--output");
    }

    @Override
    String[] request() {
        return new String[] {"GET", "/v1/snapshot"};
    }

    @Override
    int print(boolean ok, InputStream body) throws IOException {
        Path out = output.getValue();
        if (!ok || out == null) {
            return super.print(ok, body);
        }
        Path file = root.workDir().resolve(out).toAbsolutePath().normalize();
        write(body.readAllBytes(), file);
        spec.commandLine().getOut().println("snapshot written to " + file);
        spec.commandLine().getOut().flush();
        return 0;
    }

    static void write(byte[] content, Path file) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            Files.write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new PitstopException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // only left over if the rename failed, and then the error above says why
                }
            }
        }
    }
}
