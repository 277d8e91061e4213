package dev.pitstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands that need no stack: keygen, manifest sign / verify (checked by the real minisign), diff. */
class CliLocalCommandsTest {
    static final String SHA_A = "4fa3c1e2d0b9" + "1".repeat(52);
    static final String SHA_B = "9d1e0f2a3b4c" + "2".repeat(52);

    @TempDir Path dir;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    @BeforeEach
    void stack() throws Exception {
        Files.writeString(dir.resolve("pitstop.yaml"), "processes: {}\n");
        Files.writeString(dir.resolve("pitstop.lock.json"), "{\n  \"schemaVersion\": 1\n}\n");
    }

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Main.run(dir, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    static int minisign(Path dir, String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "minisign";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            p.getInputStream().readAllBytes();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return p.exitValue();
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void keygenAndSignAreAcceptedByMinisign() throws Exception {
        assertThat(run("keygen")).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("secret key: " + dir.resolve("pitstop.key") + " (mode 0600")
                .contains("public key: " + dir.resolve("pitstop.pub") + " (key id ");
        assertThat(Files.getPosixFilePermissions(dir.resolve("pitstop.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(run("manifest", "sign", "--key", "pitstop.key")).isZero();
        assertThat(out.toString()).isEqualTo("signed " + dir.resolve("pitstop.lock.json") + " \u2192 "
                + dir.resolve("pitstop.lock.json.minisig") + "\n");
        assertThat(minisign(dir, "-Vm", "pitstop.lock.json", "-p", "pitstop.pub")).isZero();

        assertThat(run("manifest", "verify", "--pub", "pitstop.pub")).isZero();
        assertThat(out.toString()).startsWith("signature OK: " + dir.resolve("pitstop.lock.json")
                + " (trusted comment: timestamp:");
        assertThat(run("manifest", "verify", "--pub", "pitstop.pub", "--json")).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).get("ok").asBoolean()).isTrue();

        Files.writeString(dir.resolve("pitstop.lock.json"), "{\n  \"schemaVersion\": 2\n}\n", StandardCharsets.UTF_8);
        assertThat(run("manifest", "verify", "--pub", "pitstop.pub")).isEqualTo(1);
        assertThat(err.toString()).startsWith("pitstop: ").hasLineCount(1);
        assertThat(minisign(dir, "-Vm", "pitstop.lock.json", "-p", "pitstop.pub")).isNotZero();
    }

    @Test
    void keygenNeverOverwritesWithoutForce() throws Exception {
        assertThat(run("keygen", "-p", "k.pub", "-s", "k.key")).isZero();
        String before = Files.readString(dir.resolve("k.key"));
        assertThat(run("keygen", "-p", "k.pub", "-s", "k.key")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("pitstop: " + dir.resolve("k.key")
                + " exists already; use --force to replace the key pair\n");
        assertThat(Files.readString(dir.resolve("k.key"))).isEqualTo(before);
        assertThat(run("keygen", "-p", "k.pub", "-s", "k.key", "--force", "--json")).isZero();
        assertThat(Files.readString(dir.resolve("k.key"))).isNotEqualTo(before);
        assertThat(new ObjectMapper().readTree(out.toString()).get("keyId").asText()).isNotEmpty();
    }

    @Test
    void signingNeedsAKeyAndAManifest() throws Exception {
        assertThat(run("manifest", "sign")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("pitstop: manifest sign: name the key with --key\n");
        Files.delete(dir.resolve("pitstop.lock.json"));
        assertThat(run("manifest", "sign", "--key", "x.key")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("pitstop: " + dir.resolve("pitstop.lock.json")
                + ": no manifest yet (install or fetch a binary first)\n");
    }

    static String snapshot(String processes) {
        return "{\n  \"processes\": {" + processes + "},\n  \"takenAt\": \"2026-11-28T09:00:00Z\"\n}\n";
    }

    static String process(String name, long pid, String start, String sha, String version) {
        return "\"" + name + "\": {\"executable\": \"" + sha + "\", \"name\": \"" + name + "\", \"pid\": " + pid
                + ", \"startTime\": \"" + start + "\", \"version\": \"" + version + "\"}";
    }

    @Test
    void diffOfTwoSnapshotFiles() throws Exception {
        String t1 = "2026-11-28T08:00:00Z";
        String t2 = "2026-11-28T08:30:00Z";
        Files.writeString(dir.resolve("a.json"), snapshot(String.join(", ",
                process("nats", 4242, t1, SHA_A, "v2.10.22"),
                process("web", 100, t1, SHA_A, "1.0"),
                process("old", 200, t1, SHA_A, "1.0"))));
        Files.writeString(dir.resolve("b.json"), snapshot(String.join(", ",
                process("nats", 5151, t2, SHA_B, "v2.11.0"),
                process("web", 100, t1, SHA_A, "1.0"),
                process("new", 300, t2, SHA_B, "2.0"))));
        assertThat(run("diff", "a.json", "b.json")).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo(
                "nats  restarted, binary-changed, version-changed  pid 4242 \u2192 5151, sha256 4fa3c1e2d0b9 \u2192 "
                        + "9d1e0f2a3b4c, v2.10.22 \u2192 v2.11.0\n"
                + "new   added                                       pid 300, 2.0\n"
                + "old   removed                                     pid 200, 1.0\n"
                + "web   unchanged                                   pid 100, 1.0\n");
        assertThat(run("diff", "a.json", "b.json", "--json")).isZero();
        var json = new ObjectMapper().readTree(out.toString());
        assertThat(json.at("/entries/new/changes/0").asText()).isEqualTo("ADDED");
        assertThat(run("diff", "a.json", "missing.json")).isEqualTo(1);
        assertThat(err.toString()).startsWith("pitstop: " + dir.resolve("missing.json")).hasLineCount(1);
    }

    @Test
    void configValidateAndDryRunReadEveryFileAndStartNothing() throws Exception {
        Files.writeString(dir.resolve("pc.yaml"), "processes:\n  web:\n    command: \"sleep {{.S}}\"\n"
                + "    vars: { S: 100 }\n    is_tty: true\n");
        Files.writeString(dir.resolve("more.yaml"), "processes:\n  job:\n    command: echo done\n    disabled: true\n");

        assertThat(run("--home", "home", "config", "validate", "-f", "pc.yaml", "-f", "more.yaml")).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("warning: " + dir.resolve("pc.yaml") + ":5:5: processes.web.is_tty: "
                + "not supported by Pitstop, ignored\nvalid: " + dir.resolve("pc.yaml") + ", " + dir.resolve("more.yaml")
                + "\n  web: sleep 100\n  job (disabled): echo done\n");
        assertThat(dir.resolve(".pitstop/pitstop.sock")).doesNotExist();

        assertThat(run("--home", "home", "-f", "pc.yaml", "up", "--dry-run")).isZero();
        assertThat(out.toString()).contains("  web: sleep 100");

        Files.writeString(dir.resolve("bad.yaml"), "processes:\n  web:\n    command: \"${PORT\"\n");
        assertThat(run("--home", "home", "config", "validate", "-f", "bad.yaml")).isEqualTo(1);
        assertThat(err.toString()).startsWith("pitstop: " + dir.resolve("bad.yaml") + ":3:14: processes.web.command: "
                + "bad substitution");
    }
}
