package dev.pitstop.cli.command;

import dev.pitstop.cli.PitstopCommand;
import dev.pitstop.control.AnswerKind;
import dev.pitstop.control.ControlApi;
import dev.pitstop.core.io.AtomicFiles;
import dev.pitstop.core.store.Snapshot;
import java.nio.charset.StandardCharsets;
import dev.pitstop.core.PitstopException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code pitstop snapshot [-o FILE]}: the snapshot JSON in its file form, printed or written to a file (temp file
 * in the same folder, then an atomic rename).
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
    Shown call(ControlApi api) {
        Snapshot snapshot = api.snapshot();
        Path out = output.getValue();
        if (out == null) {
            return Shown.ok(AnswerKind.SNAPSHOT, snapshot);
        }
        Path file = root.workDir().resolve(out).toAbsolutePath().normalize();
        write(json(AnswerKind.SNAPSHOT, snapshot).getBytes(StandardCharsets.UTF_8), file);
        spec.commandLine().getOut().println("snapshot written to " + file);
        spec.commandLine().getOut().flush();
        return Shown.printed();
    }

    static void write(byte[] content, Path file) {
        try {
            AtomicFiles.write(file, content);
        } catch (IOException e) {
            throw new PitstopException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
