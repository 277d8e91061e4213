package dev.pitstop.supervisor.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The portable fallback: {@link ProcessBuilder} through {@code setsid}, one thread per child reading its output and
 * the JDK's reaper thread per child. Gives no extra descriptors and reads no other pipes.
 */
final class JdkPlatform extends BasePlatform {
    /** How long an exit waits for the end of the output once the process is gone (a grandchild may hold the pipe). */
    private static final long DRAIN_MILLIS = 200;

    private final String setsid;

    JdkPlatform(PosixLib c, ProcessTable table) {
        super(c, table);
        this.setsid = Files.isExecutable(Path.of("/usr/bin/setsid")) ? "/usr/bin/setsid"
                : Files.isExecutable(Path.of("/bin/setsid")) ? "/bin/setsid" : "setsid";
    }

    @Override
    public String name() {
        return "jdk";
    }

    @Override
    public Child spawn(SpawnRequest request) throws IOException {
        if (!request.fds().isEmpty()) {
            throw new IOException("the jdk process platform cannot give a child extra descriptors "
                    + "(PITSTOP_PROCESS_PLATFORM=linux or posix can)");
        }
        List<String> argv = new ArrayList<>(request.argv().size() + 1);
        argv.add(setsid);
        argv.addAll(request.argv());
        ProcessBuilder pb = new ProcessBuilder(argv).directory(request.workingDir().toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.environment().clear();
        pb.environment().putAll(request.environment());
        if (request.output() instanceof SpawnRequest.ToFile f) {
            pb.redirectOutput(f.file().toFile());
        } else if (request.output() instanceof SpawnRequest.Discard) {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        Process process = pb.start();
        CompletableFuture<Void> pumped = new CompletableFuture<>();
        if (request.output() instanceof SpawnRequest.ToSink s) {
            Thread pump = new Thread(null, () -> pump(process.getInputStream(), s.sink(), pumped),
                    "pitstop-pump-" + process.pid(), 256 * 1024);
            pump.setDaemon(true);
            pump.start();
        } else {
            pumped.complete(null);
        }
        CompletableFuture<Integer> exit = process.onExit().thenCompose(p -> pumped.copy()
                .completeOnTimeout(null, DRAIN_MILLIS, TimeUnit.MILLISECONDS).thenApply(x -> p.exitValue()));
        return new Child() {
            @Override
            public long pid() {
                return process.pid();
            }

            @Override
            public CompletableFuture<Integer> exit() {
                return exit;
            }
        };
    }

    private static void pump(InputStream in, OutputSink sink, CompletableFuture<Void> pumped) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sink.accept(buffer, n);
                if (in.available() == 0) {
                    sink.drained();
                }
            }
        } catch (IOException e) {
            // the pipe was closed under us when the process was killed: the output simply ends here
        } finally {
            sink.end();
            pumped.complete(null);
        }
    }

    @Override
    public CompletableFuture<Integer> adoptOrphan(long pid) {
        // this platform has no reaper of its own: the JDK's watcher, then waitpid
        return ProcessHandle.of(pid).map(h -> h.onExit().thenApply(x -> reap(pid)))
                .orElse(CompletableFuture.completedFuture(-1));
    }

    @Override
    public Pipe pipe() {
        throw new UnsupportedOperationException("the jdk process platform reads no other pipes");
    }

    @Override
    public IoLoop io() {
        return new IoLoop() {
            @Override
            public void register(int fd, OutputSink sink) {
                throw new UnsupportedOperationException("the jdk process platform reads no other pipes");
            }

            @Override
            public void unregister(int fd) {
                throw new UnsupportedOperationException("the jdk process platform reads no other pipes");
            }
        };
    }

    @Override
    public void close() {
        // nothing of its own: each pump ends with its pipe
    }
}
