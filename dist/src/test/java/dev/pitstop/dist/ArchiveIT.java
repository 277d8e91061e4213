package dev.pitstop.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pitstop.testkit.ProcessLeaks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release archive unpacked and run on a machine without a JDK (no java on PATH, no JAVA_HOME). */
class ArchiveIT {
    private static final Dist DIST = new Dist();
    @TempDir
    static Path temp;
    static Path release;
    static Map<String, String> env;

    @BeforeAll
    static void unpack() throws Exception {
        release = Dist.unpack(DIST.archive(), temp.resolve("unpacked"));
        env = Dist.env(Dist.barePath(temp), Files.createDirectories(temp.resolve("home")));
    }

    private static Dist.Result pitstop(Path dir, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = release.resolve("bin/pitstop").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        return Dist.run(env, dir, command);
    }

    @Test
    void theEnvironmentHasNoJava() throws Exception {
        Dist.Result which = Dist.run(env, temp, "bash", "-c", "command -v java || echo none; echo ${JAVA_HOME:-unset}");
        assertThat(which.output()).isEqualTo("none\nunset\n");
    }

    @Test
    void printsItsVersionHelpAndCompletionWithoutAJdk() throws Exception {
        assertThat(pitstop(temp, "--version")).isEqualTo(new Dist.Result(0, "pitstop " + DIST.version + "\n"));
        Dist.Result help = pitstop(temp, "help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.output()).startsWith("Usage: pitstop").contains("self", "completion", "reload");
        assertThat(pitstop(temp, "help", "manifest", "sign").output()).startsWith("Usage: pitstop manifest sign");

        Dist.Result bash = pitstop(temp, "completion", "bash");
        assertThat(bash.exitCode()).isZero();
        Path script = Files.writeString(temp.resolve("pitstop.bash"), bash.output());
        assertThat(Dist.run(env, temp, "bash", "-n", script.toString())).isEqualTo(new Dist.Result(0, ""));
        assertThat(pitstop(temp, "completion", "fish").output()).contains("complete -c pitstop -n '__fish_use_subcommand' -a ps");
    }

    @Test
    void shipsCompletionScriptsAndManPages() throws Exception {
        Path share = release.resolve("share");
        for (String script : new String[] {"bash-completion/completions/pitstop", "zsh/site-functions/_pitstop"}) {
            assertThat(Dist.run(env, temp, "bash", "-n", share.resolve(script).toString()).exitCode()).as(script).isZero();
        }
        assertThat(share.resolve("zsh/site-functions/_pitstop")).content().startsWith("#compdef pitstop\n");
        assertThat(share.resolve("fish/vendor_completions.d/pitstop.fish")).content().contains("-a reload");
        assertThat(share.resolve("man/man1/pitstop.1")).content().startsWith(".TH PITSTOP 1");
        assertThat(share.resolve("man/man1/pitstop-self-update.1")).content().contains(".SH OPTIONS");
    }

    @Test
    void carriesOnlyThisPlatformsNativeLibraries() throws Exception {
        List<Path> withNatives;
        try (Stream<Path> jars = Files.list(release.resolve("app/lib"))) {
            withNatives = jars.filter(j -> j.getFileName().toString().matches("(jna|zstd-jni)-.*\\.jar")).toList();
        }
        assertThat(withNatives).hasSize(2);
        for (Path jar : withNatives) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                assertThat(Collections.list(zip.entries())).as(jar.toString())
                        .filteredOn(e -> e.getName().matches(".*\\.(so|dylib|jnilib|dll|a)"))
                        .hasSize(1);
            }
        }
    }

    @Test
    void runsASmallStackUpPsDown() throws Exception {
        Path stack = Files.createDirectories(temp.resolve("stack"));
        Files.writeString(stack.resolve("pitstop.yaml"), """
                processes:
                  ticker:
                    command: "while true; do echo tick; sleep 1; done"
                """);
        Dist.Result up = pitstop(stack, "up", "-d");
        assertThat(up.exitCode()).as(up.output()).isZero();
        long supervisor = Long.parseLong(up.output().replaceAll("(?s).*pid (\\d+).*", "$1"));
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(pitstop(stack, "ps").output()).containsPattern("ticker\\s+Running"));
        } finally {
            Dist.Result down = pitstop(stack, "down");
            assertThat(down.exitCode()).as(down.output()).isZero();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(supervisor).isEmpty());
        ProcessLeaks.assertNone(List.of(supervisor));
    }

    @Test
    void theSignatureVerifiesWithStockMinisign() throws Exception {
        Path archive = DIST.archive();
        Dist.Result minisign = Dist.run(Map.of("PATH", "/usr/bin:/bin"), temp, "minisign", "-Vm", archive.toString(),
                "-p", DIST.publicKey().toString());
        assertThat(minisign.exitCode()).as(minisign.output()).isZero();
        assertThat(minisign.output()).contains("Signature and comment signature verified",
                "file:" + archive.getFileName());
        Dist.Result sha = Dist.run(Map.of("PATH", "/usr/bin:/bin"), archive.getParent(), "sha256sum", "-c",
                archive.getFileName() + ".sha256");
        assertThat(sha.output()).isEqualTo(archive.getFileName() + ": OK\n");
    }
}
