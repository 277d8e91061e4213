package dev.pitstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitstop.core.Sha256;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The binary commands with no stack running: the CLI opens a real engine on a real stack file (never starts
 * it), with {@code --home} as Pitstop's folder, and prints what the control server would.
 */
class CliOfflineTest {
    @TempDir Path dir;
    Path home;
    final ObjectMapper mapper = new ObjectMapper();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    @BeforeEach
    void stack() throws Exception {
        home = dir.resolve("home");
        Files.copy(Path.of("/bin/sleep"), dir.resolve("sleep1"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(Path.of("/bin/sleep"), dir.resolve("sleep2"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.write(dir.resolve("sleep2"), new byte[] {'\n'}, java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(dir.resolve("pitstop.yaml"), """
                binaries:
                  sleeper:
                    file: ./sleep1
                processes:
                  s:
                    command: "${bin:sleeper} 1000"
                """);
    }

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        String[] withHome = Stream.concat(Stream.of("--home", home.toString()), Stream.of(args)).toArray(String[]::new);
        return Main.run(dir, new PrintWriter(out, true), new PrintWriter(err, true), withHome);
    }

    @Test
    void installManifestShowAndVerifyWithoutARunningStack() throws Exception {
        Sha256 first = Sha256.ofFile(dir.resolve("sleep1"));
        Sha256 second = Sha256.ofFile(dir.resolve("sleep2"));
        assertThat(run("manifest", "show")).isZero();
        assertThat(out.toString()).isEqualTo("no binaries recorded yet\n");

        assertThat(run("install", "sleeper", "sleep1", "--version", "1.0")).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("sleeper: installed 1.0 (" + first.shortHex() + ")\n"
                + "  no process is running it now; it is used from the next start\n");
        assertThat(run("install", "sleeper", "sleep2", "--version", "2.0")).isZero();
        assertThat(out.toString()).startsWith("sleeper: 1.0 (" + first.shortHex() + ") \u2192 2.0 ("
                + second.shortHex() + ")\n");
        assertThat(Files.readSymbolicLink(dir.resolve(".pitstop/bin/sleeper")).toString()).contains(second.hex());

        assertThat(run("manifest", "show")).isZero();
        assertThat(out.toString()).startsWith("sleeper  2.0  " + second.shortHex() + "  ")
                .contains("  source:     file ./sleep1\n", "  history:\n")
                .containsPattern("    \\S+Z  replaced  1\\.0 \\(" + first.shortHex() + "\\)  replaced by 2\\.0");
        assertThat(run("manifest", "show", "--json")).isZero();
        JsonNode manifest = mapper.readTree(out.toString());
        assertThat(manifest.at("/binaries/sleeper/current/sha256").asText()).isEqualTo(second.hex());
        assertThat(manifest.at("/binaries/sleeper/history/0/outcome").asText()).isEqualTo("replaced");
        assertThat(out.toString()).isEqualTo(Files.readString(dir.resolve("pitstop.lock.json")));

        assertThat(run("verify")).isZero();
        assertThat(out.toString()).startsWith("verified: ");

        assertThat(run("rollback", "sleeper")).isZero();
        assertThat(out.toString()).startsWith("sleeper: 2.0 (" + second.shortHex() + ") \u2192 1.0 (");
    }

    @Test
    void verifyReportsAChangedStoreFileAndFails() throws Exception {
        assertThat(run("install", "sleeper", "sleep1")).isZero();
        Sha256 sha = Sha256.ofFile(dir.resolve("sleep1"));
        Path stored = home.resolve("store/sha256").resolve(sha.hex()).resolve("sleeper");
        Files.setPosixFilePermissions(stored, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.write(stored, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
        assertThat(run("verify")).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("verify failed: ").contains("sleeper: ", stored.toString(),
                "expected " + sha.hex());
        assertThat(run("verify", "--json")).isEqualTo(1);
        assertThat(mapper.readTree(out.toString()).get("mismatches").get(0).get("name").asText()).isEqualTo("sleeper");
    }

    @Test
    void errorsOfTheEngineAreOneLine() throws Exception {
        assertThat(run("install", "nope", "sleep1")).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: ").contains("nope").doesNotContain("Exception").hasLineCount(1);
        Files.delete(dir.resolve("pitstop.yaml"));
        assertThat(run("manifest", "show")).isEqualTo(1);
        assertThat(err.toString()).startsWith("pitstop: no stack file in " + dir);
    }

    @Test
    void snapshotOfAStoppedStackAndStoreCommands() throws Exception {
        assertThat(run("snapshot", "-o", "s.json")).isZero();
        assertThat(mapper.readTree(dir.resolve("s.json").toFile()).get("processes")).isNull();
        assertThat(run("diff", "s.json", "s.json")).isZero();
        assertThat(out.toString()).isEqualTo("no processes in either snapshot\n");

        assertThat(run("store", "ls")).isZero();
        assertThat(out.toString()).startsWith("the store is empty (" + home.resolve("store"));
        assertThat(run("install", "sleeper", "sleep1", "--version", "1.0")).isZero();
        assertThat(run("install", "sleeper", "sleep2", "--version", "2.0")).isZero();
        assertThat(run("store", "ls")).isZero();
        Sha256 first = Sha256.ofFile(dir.resolve("sleep1"));
        Sha256 second = Sha256.ofFile(dir.resolve("sleep2"));
        assertThat(out.toString().lines()).hasSize(2).anyMatch(l -> l.matches(first.shortHex() + "  sleeper  \\d+ KiB  "
                + home.resolve("store/sha256/" + first.hex() + "/sleeper")));
        assertThat(run("store", "ls", "--json")).isZero();
        assertThat(mapper.readTree(out.toString())).hasSize(2);

        assertThat(run("store", "gc", "--dry-run", "--keep", "0")).isZero();
        assertThat(out.toString()).startsWith("would remove 1 file, ").contains(first.shortHex() + "  sleeper")
                .endsWith("would keep 1 file\n");
        assertThat(home.resolve("store/sha256/" + first.hex() + "/sleeper")).exists();
        assertThat(run("store", "gc", "--json")).isZero();
        assertThat(mapper.readTree(out.toString()).get("removed")).isEmpty();
        assertThat(run("store", "gc", "--keep", "0")).isZero();
        assertThat(out.toString()).startsWith("removed 1 file, ");
        assertThat(home.resolve("store/sha256/" + first.hex())).doesNotExist();
        assertThat(home.resolve("store/sha256/" + second.hex() + "/sleeper")).exists();
    }

    @Test
    void trustChecksTheCurrentStoredBinary() throws Exception {
        assertThat(run("trust", "sleeper")).isEqualTo(1);
        assertThat(err.toString()).startsWith("pitstop: sleeper: no current version in ");
        assertThat(run("install", "sleeper", "sleep1", "--version", "1.0")).isZero();
        assertThat(run("trust", "sleeper")).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("sleeper  1.0 (").contains("  recorded trust steps: ",
                "  check: runnable\n");
        assertThat(run("trust", "sleeper", "--check")).isZero();
        assertThat(out.toString()).doesNotContain("recorded");
        assertThat(run("trust", "sleeper", "--json")).isZero();
        assertThat(mapper.readTree(out.toString()).get("runnable").asBoolean()).isTrue();
    }
}
