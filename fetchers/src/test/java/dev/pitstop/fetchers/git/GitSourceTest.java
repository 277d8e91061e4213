package dev.pitstop.fetchers.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.core.Platform;
import dev.pitstop.core.source.BuildFailedException;
import dev.pitstop.core.source.FetchException;
import dev.pitstop.core.source.FetchRequest;
import dev.pitstop.core.source.FetchedBinary;
import dev.pitstop.core.source.Release;
import dev.pitstop.core.source.Source;
import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.fetchers.Fixture;
import dev.pitstop.testkit.git.GitDaemon;
import dev.pitstop.testkit.git.GitRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The git source against real repositories made with JGit, built with the real cc. */
class GitSourceTest {
    static final Platform HOST = Platform.parse("linux/amd64");
    static final String BUILD = """
            build: cc -O2 -o "$PITSTOP_OUT" hello.c
            paths: [hello.c]
            toolchain: cc --version
            """;

    @TempDir
    Path tmp;
    GitRepo repo;
    Source<?> git;
    Path staging;

    @BeforeEach
    void setUp() throws IOException {
        repo = GitRepo.init(tmp.resolve("repos/hello"));
        repo.write("hello.c", program("v1")).write("README.md", "hello\n").commit("v1");
        git = new Fixture(tmp.resolve("home"), Map.of()).source("git");
        staging = Files.createDirectories(tmp.resolve("staging"));
    }

    @AfterEach
    void tearDown() {
        repo.close();
    }

    static String program(String version) {
        return "#include <stdio.h>\nint main(void) { puts(\"hello " + version + "\"); return 0; }\n";
    }

    BinarySpec spec(String url, String extra) {
        return Fixture.spec("hello", "git", url, "latest", BUILD + extra);
    }

    @Test
    void resolvesTheDefaultBranchToItsCommitAndBuildKeyWithoutBuilding() {
        Release release = git.resolve(spec(repo.url(), ""), HOST);

        String head = repo.commit("empty");
        Release again = git.resolve(spec(repo.url(), ""), HOST);
        assertThat(again.revision().commit()).isEqualTo(head);
        assertThat(again.version()).isEqualTo("main@" + head.substring(0, 7));
        assertThat(again.revision().ref()).isEqualTo("main");
        assertThat(again.revision().toolchain()).startsWith("cc");
        assertThat(again.revision().buildKey()).as("no input changed").isEqualTo(release.revision().buildKey());
        assertThat(staging).isEmptyDirectory();
    }

    @Test
    void aCommitOutsidePathsKeepsTheKeyOneInsideChangesIt() {
        String before = git.resolve(spec(repo.url(), ""), HOST).revision().buildKey();
        repo.write("README.md", "more words\n").commit("docs");
        Release docs = git.resolve(spec(repo.url(), ""), HOST);
        repo.write("hello.c", program("v2")).commit("v2");
        Release code = git.resolve(spec(repo.url(), ""), HOST);

        assertThat(docs.revision().buildKey()).isEqualTo(before);
        assertThat(code.revision().buildKey()).isNotEqualTo(before);
        assertThat(git.resolve(spec(repo.url(), "env: { CFLAGS: -O0 }"), HOST).revision().buildKey())
                .as("the environment is an input").isNotEqualTo(code.revision().buildKey());
    }

    @Test
    void twoCachesOfOneCommitComputeTheSameKey() {
        Source<?> elsewhere = new Fixture(tmp.resolve("other-home"), Map.of()).source("git");
        assertThat(elsewhere.resolve(spec(repo.url(), ""), HOST).revision())
                .isEqualTo(git.resolve(spec(repo.url(), ""), HOST).revision());
    }

    @Test
    void buildsTheCommitWithCcAndLogsTheBuild() throws Exception {
        BinarySpec spec = spec(repo.url(), "");
        Path logs = tmp.resolve("logs");
        FetchedBinary built = git.fetch(Fixture.request(git, spec, HOST, staging).withLogDir(logs));

        assertThat(run(built.path())).isEqualTo("hello v1");
        assertThat(built.commit()).isEqualTo(built.revision().commit());
        assertThat(built.coordinates()).isEqualTo("git:" + repo.url());
        assertThat(built.buildTime()).isPositive();
        assertThat(built.evidence()).extracting(e -> e.kind()).containsExactly("build");
        assertThat(logs.resolve("build-hello.log")).exists();
        assertThat(staging).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith(".checkout"));
    }

    @Test
    void theBuildSeesOnlyItsEnvironment() throws Exception {
        BinarySpec spec = Fixture.spec("hello", "git", repo.url(), "latest", """
                build: 'printf "#!/bin/sh\\necho %s %s %s\\n" "$GREETING" "${SECRET:-none}" "$PITSTOP_OUT" > "$PITSTOP_OUT"'
                env: { GREETING: hi }
                """);
        FetchedBinary built = git.fetch(Fixture.request(git, spec, HOST, staging));

        assertThat(run(built.path())).isEqualTo("hi none " + staging.resolve("hello"));
    }

    @Test
    void aFailedBuildIsOneLineWithItsLastOutputAndLeavesNoBinary() {
        repo.write("hello.c", "int main(void) { return syntax error; }\n").commit("broken");
        BinarySpec spec = spec(repo.url(), "");

        assertThatThrownBy(() -> git.fetch(Fixture.request(git, spec, HOST, staging).withLogDir(tmp.resolve("logs"))))
                .isInstanceOf(BuildFailedException.class)
                .hasMessageStartingWith("hello: build failed: exit code 1; last output: ")
                .hasMessageContaining("error")
                .hasMessageEndingWith("; log: " + tmp.resolve("logs/build-hello.log"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(staging.resolve("hello")).doesNotExist();
    }

    @Test
    void aTagIsItsOwnLabel() {
        repo.tag("v1.0.0");
        repo.write("hello.c", program("v2")).commit("after the tag");

        Release tagged = git.resolve(spec(repo.url(), "ref: v1.0.0"), HOST);
        assertThat(tagged.version()).isEqualTo("v1.0.0");
        assertThat(tagged.revision().ref()).isEqualTo("v1.0.0");
        assertThat(git.resolve(spec(repo.url(), ""), HOST).revision().commit()).isNotEqualTo(tagged.revision().commit());
    }

    @Test
    void aForcePushedBranchIsFollowed() {
        repo.write("hello.c", program("v2")).commit("v2");
        assertThat(git.resolve(spec(repo.url(), "ref: main"), HOST).revision().commit()).isNotNull();
        repo.resetHard(1);
        String rewritten = repo.write("hello.c", program("v2b")).commit("v2, rewritten");

        assertThat(git.resolve(spec(repo.url(), "ref: main"), HOST).revision().commit()).isEqualTo(rewritten);
    }

    @Test
    void overGitDaemon() throws Exception {
        try (GitDaemon daemon = GitDaemon.serve(tmp.resolve("repos"))) {
            BinarySpec spec = spec(daemon.url("hello"), "");
            FetchedBinary built = git.fetch(Fixture.request(git, spec, HOST, staging));

            assertThat(run(built.path())).isEqualTo("hello v1");
            assertThat(built.revision().buildKey()).as("the key does not depend on the URL")
                    .isEqualTo(git.resolve(spec(repo.url(), ""), HOST).revision().buildKey());
        }
    }

    @Test
    void unknownRefsAndUnreachableRemotesAreClearErrors() {
        assertThatThrownBy(() -> git.resolve(spec(repo.url(), "ref: nope"), HOST))
                .isInstanceOf(FetchException.class)
                .hasMessage("git " + repo.url() + ": 'nope' is not a branch, tag or commit of the remote"
                        + " (branches: main; tags: none)");
        String gone = tmp.resolve("repos/gone").toUri().toString();
        assertThatThrownBy(() -> git.resolve(spec(gone, ""), HOST))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("git " + gone + ": fetch failed: ");
    }

    /**
     * ssh URLs go through JGit's Apache MINA transport: both spellings reach a TCP connection, and a closed port
     * (scp-like URLs use 22, where nothing listens here) is a one-line connection error for poll and fetch. Without
     * the transport on the class path JGit failed with a NullPointerException's text ("this.sch" is null).
     */
    @Test
    void sshUrlsInBothSpellingsReachTheNetworkAndFailClearly() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        for (String url : List.of("ssh://git@127.0.0.1:" + closed + "/acme/hello.git", "git@127.0.0.1:acme/hello.git")) {
            assertThatThrownBy(() -> git.resolve(spec(url, ""), HOST)).isInstanceOf(FetchException.class)
                    .hasMessageStartingWith("git " + url + ": fetch failed: ")
                    .hasMessageEndingWith("Connection refused").hasMessageNotContaining("\n");
            assertThatThrownBy(() -> git.poll(spec(url, ""), HOST, java.util.Optional.empty()))
                    .isInstanceOf(FetchException.class).hasMessageStartingWith("git " + url + ": ls-remote failed: ")
                    .hasMessageEndingWith("Connection refused");
        }
    }

    @Test
    void itsKeysAreCheckedWhenTheStackFileIsRead() {
        assertThatThrownBy(() -> Fixture.spec("hello", "git", repo.url(), "latest", "paths: [hello.c]"))
                .hasMessageEndingWith("binaries.hello.build: a git: source needs build: a command that writes $PITSTOP_OUT");
        assertThatThrownBy(() -> spec(repo.url(), "bulid: make"))
                .hasMessageContaining("binaries.hello.bulid: unknown key for a git source (its keys: build, env, paths,"
                        + " ref, timeout_seconds, toolchain)");
    }

    private static String run(Path binary) throws Exception {
        Process p = new ProcessBuilder(binary.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes()).strip();
    }
}
