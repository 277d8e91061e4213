package dev.pitstop.examples.bench;

import com.google.inject.Injector;
import dev.pitstop.core.BinarySelection;
import dev.pitstop.core.Engine;
import dev.pitstop.core.EngineFactory;
import dev.pitstop.core.Pitstop;
import dev.pitstop.core.PitstopHome;
import dev.pitstop.core.Platform;
import dev.pitstop.core.PollResult;
import dev.pitstop.core.source.Source;
import dev.pitstop.core.source.SourceKinds;
import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.testkit.git.GitDaemon;
import dev.pitstop.testkit.git.GitRepo;
import dev.pitstop.testkit.release.Archives;
import dev.pitstop.testkit.release.RecordedRequest;
import dev.pitstop.testkit.release.ReleaseServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The poll rows of docs/benchmarks.md (run by benchmarks/poll/run.sh): a no-change poll of 50 git repositories on
 * a local git daemon and 50 GitHub-shaped releases against {@code git ls-remote} run 50 times, the build-key
 * decision per unchanged git binary, and an incremental fetch of one new commit against {@code git fetch}.
 * Usage: PollBenchmark WORK_DIR [ROUNDS]
 */
public final class PollBenchmark {
    private static final int REPOS = 50;
    private static final int RELEASES = 50;

    private PollBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]).toAbsolutePath();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path repos = Files.createDirectories(work.resolve("repos"));
        List<GitRepo> made = new ArrayList<>();
        for (int i = 0; i < REPOS; i++) {
            GitRepo repo = GitRepo.init(repos.resolve("r" + i));
            repo.write("main.c", "int main(void) { return " + i + "; }\n").write("README.md", "repo " + i + "\n").commit("c0");
            made.add(repo);
        }
        GitRepo big = GitRepo.init(repos.resolve("big"));
        for (int c = 0; c < 300; c++) {
            big.write("src/file" + (c % 40) + ".c", "int f" + c + "(void) { return " + c + "; }\n").commit("c" + c);
        }
        try (GitDaemon daemon = GitDaemon.serve(repos); ReleaseServer server = ReleaseServer.start()) {
            Injector injector = Pitstop.injector(b -> b.bind(PitstopHome.class).toInstance(new PitstopHome(work.resolve("home"))));
            Platform host = injector.getInstance(Platform.class);
            StringBuilder stack = new StringBuilder("binaries:\n");
            for (int i = 0; i < REPOS; i++) {
                stack.append("  g").append(i).append(": { git: \"").append(daemon.url("r" + i))
                        .append("\", build: 'printf \"#!/bin/sh\\\\n\" > \"$PITSTOP_OUT\"', paths: [main.c], toolchain: cc --version }\n");
            }
            for (int i = 0; i < RELEASES; i++) {
                String repo = "acme/tool" + i;
                server.repo(repo).release("v1.0." + i).asset("tool" + i + "_1.0." + i + "_" + host.os() + "_" + host.arch()
                        + ".tar.gz", Archives.tar().file("tool" + i, "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8), 0755)
                        .build("gz"));
                stack.append("  t").append(i).append(": { github: ").append(repo).append(", api: \"")
                        .append(server.apiUrl()).append("\" }\n");
            }
            stack.append("  big: { git: \"").append(daemon.url("big")).append("\", build: \"true\" }\n");
            stack.append("processes: {}\n");
            Path stackFile = Files.writeString(Files.createDirectories(work.resolve("stack")).resolve("pitstop.yaml"), stack);
            try (Engine engine = injector.getInstance(EngineFactory.class).open(stackFile)) {
                long t0 = System.nanoTime();
                engine.fetch(allBut(engine, "big"));
                System.out.printf("first fetch of %d binaries: %.1f s%n", REPOS + RELEASES, (System.nanoTime() - t0) / 1e9);

                List<Double> poll = new ArrayList<>();
                List<Double> lsRemote = new ArrayList<>();
                List<Double> decision = new ArrayList<>();
                long assetRequests = 0;
                long notModified = 0;
                BinarySelection hundred = allBut(engine, "big");
                for (int r = 0; r < rounds; r++) {
                    server.clearRequests();
                    long start = System.nanoTime();
                    List<PollResult> results = engine.poll(hundred);
                    poll.add((System.nanoTime() - start) / 1e9);
                    if (results.stream().anyMatch(p -> p.status() != PollResult.Status.UNCHANGED)) {
                        throw new IllegalStateException("a no-change poll found changes: " + results);
                    }
                    assetRequests += server.requests().stream().filter(q -> q.pathAndQuery().contains(".tar.gz")).count();
                    notModified += server.requests().stream().filter(q -> q.status() == 304).count();
                    start = System.nanoTime();
                    engine.poll(BinarySelection.of("g0"));
                    decision.add((System.nanoTime() - start) / 1e6);
                    start = System.nanoTime();
                    for (int i = 0; i < REPOS; i++) {
                        run(work, "git", "ls-remote", daemon.url("r" + i));
                    }
                    lsRemote.add((System.nanoTime() - start) / 1e9);
                }
                System.out.printf("no-change poll of %d sources: median %.2f s (asset requests %d, 304s %d over %d rounds)%n",
                        REPOS + RELEASES, median(poll), assetRequests, notModified, rounds);
                System.out.printf("git ls-remote x%d: median %.2f s%n", REPOS, median(lsRemote));
                System.out.printf("build-key decision, one unchanged git binary (ls-remote + key from the cache): median %.1f ms%n",
                        median(decision));

                Source<?> git = injector.getInstance(SourceKinds.class).find("git").orElseThrow();
                BinarySpec bigSpec = engine.stack().binaries().get("big");
                run(work, "git", "clone", "-q", "--bare", daemon.url("big"), work.resolve("mirror.git").toString());
                List<Double> pitstopFetch = new ArrayList<>();
                List<Double> gitFetch = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    big.write("src/file" + r + ".c", "int changed" + r + "(void) { return 0; }\n").commit("new " + r);
                    long start = System.nanoTime();
                    git.resolve(bigSpec, host);
                    pitstopFetch.add((System.nanoTime() - start) / 1e6);
                    start = System.nanoTime();
                    run(work, "git", "-C", work.resolve("mirror.git").toString(), "fetch", "-q", "origin",
                            "+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*");
                    gitFetch.add((System.nanoTime() - start) / 1e6);
                }
                System.out.printf("incremental fetch of one new commit (300-commit repo): pitstop %.1f ms, git fetch %.1f ms, "
                        + "ratio %.2f%n", median(pitstopFetch), median(gitFetch), median(pitstopFetch) / median(gitFetch));
            }
        } finally {
            made.forEach(GitRepo::close);
            big.close();
        }
    }

    private static BinarySelection allBut(Engine engine, String name) {
        return BinarySelection.of(engine.stack().binaries().keySet().stream().filter(n -> !n.equals(name)).toList());
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
