package dev.pitstop.fetchers.git;

import dev.pitstop.core.Sha256;
import dev.pitstop.core.source.FetchException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs a git binary's {@code toolchain:} command; its whole output identifies the compiler for the build key. */
final class Toolchain {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Toolchain() {
    }

    /**
     * @param digest {@code sha256:<hex>} of the command's output, or {@code none} without a command
     * @param display the output's first line, for the manifest and {@code --explain}, or {@code null}
     */
    record Identity(String digest, String display) {
        static final Identity NONE = new Identity("none", null);
    }

    static Identity identify(String binary, String command, Path dir, Map<String, String> env) {
        if (command == null || command.isBlank()) {
            return Identity.NONE;
        }
        List<String> lines = new ArrayList<>();
        int exit = ShellCommand.run(binary + "-toolchain", command, dir, env, TIMEOUT, lines::add);
        if (exit != 0) {
            throw new FetchException("binaries." + binary + ".toolchain: '" + command + "' "
                    + (exit < 0 ? "did not finish in " + TIMEOUT.toSeconds() + " s" : "exited with " + exit)
                    + (lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1)));
        }
        String output = String.join("\n", lines);
        String digest = "sha256:" + Sha256.of(Sha256.newDigest().digest(output.getBytes(StandardCharsets.UTF_8))).hex();
        return new Identity(digest, lines.isEmpty() ? "" : lines.get(0).strip());
    }
}
