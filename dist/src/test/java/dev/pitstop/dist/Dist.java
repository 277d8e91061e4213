package dev.pitstop.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The archive the build made ({@code target/pitstop-<version>-<os>-<arch>.tar.gz}) and a way to run commands as
 * on a machine without a JDK: {@code PATH} holds only links to the few tools the launcher, the install script and
 * the test stacks use, so {@code java} is not on it, and {@code JAVA_HOME} is unset.
 */
final class Dist {
    /** What the launcher, install.sh and the test stacks call; java is deliberately not among them. */
    private static final List<String> TOOLS = List.of("bash", "sh", "env", "readlink", "dirname", "sleep", "tar",
            "gzip", "sha256sum", "cut", "sed", "mkdir", "mktemp", "rm", "mv", "ln", "cat", "uname", "seq", "setsid",
            "true", "grep", "tr", "paste", "chmod", "printf", "curl");

    final Path dir = Path.of(System.getProperty("pitstop.dist.dir", "target"));
    final String version = System.getProperty("pitstop.dist.version");
    final Path secretKey = Path.of(System.getProperty("pitstop.dist.key"));
    final Path installScript = Path.of(System.getProperty("pitstop.dist.install"));

    Path archive() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> archives = files.filter(f -> f.getFileName().toString().startsWith("pitstop-" + version + "-")
                    && f.getFileName().toString().endsWith(".tar.gz")).toList();
            assertThat(archives).as("the archive the package phase built in " + dir).hasSize(1);
            return archives.get(0);
        }
    }

    Path publicKey() {
        String name = secretKey.getFileName().toString();
        return secretKey.resolveSibling(name.substring(0, name.length() - ".key".length()) + ".pub");
    }

    /** A folder of links to the allowed tools, to be the whole {@code PATH}. */
    static Path barePath(Path parent) throws IOException {
        Path bin = Files.createDirectories(parent.resolve("bare-bin"));
        for (String tool : TOOLS) {
            for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
                Path real = Path.of(dir, tool);
                if (Files.isExecutable(real) && !Files.exists(bin.resolve(tool))) {
                    Files.createSymbolicLink(bin.resolve(tool), real);
                }
            }
        }
        return bin;
    }

    /** An environment with only {@code PATH=bare}, {@code HOME} and {@code PITSTOP_HOME}, plus {@code extra}. */
    static Map<String, String> env(Path bare, Path home, String... extra) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", bare.toString());
        env.put("HOME", home.toString());
        env.put("PITSTOP_HOME", home.resolve("pitstop-home").toString());
        env.put("TMPDIR", home.toString());
        for (int i = 0; i + 1 < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return env;
    }

    record Result(int exitCode, String output) {}

    /** Runs a command (stdout and stderr together) with that environment only, in {@code dir}, within 3 minutes. */
    static Result run(Map<String, String> env, Path dir, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(Arrays.asList(command))).directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        Path out = Files.createTempFile(dir, "out", ".txt");
        builder.redirectOutput(out.toFile());
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " did not finish within 3 minutes");
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        return new Result(process.exitValue(), text);
    }

    /** Unpacks with the system's tar, as a user would. */
    static Path unpack(Path archive, Path into) throws IOException, InterruptedException {
        Files.createDirectories(into);
        Result untar = run(Map.of("PATH", "/usr/bin:/bin"), into, "tar", "-xzf", archive.toString());
        assertThat(untar.exitCode()).as(untar.output()).isZero();
        String name = archive.getFileName().toString();
        return into.resolve(name.substring(0, name.length() - ".tar.gz".length()));
    }
}
