package dev.pitstop.supervisor.platform;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/** A platform that spawns with {@code posix_spawn} and runs one {@link NativeLoop}; the kernel calls vary. */
final class NativePlatform extends BasePlatform {
    /** How a pipe is made close-on-exec. */
    interface PipeMaker {
        Pipe make() throws IOException;
    }

    private final String name;
    private final Spawner spawner;
    private final NativeLoop loop;
    private final PipeMaker pipes;

    NativePlatform(String name, PosixLib c, Spawner spawner, NativeLoop loop, ProcessTable table, PipeMaker pipes) {
        super(c, table);
        this.name = name;
        this.spawner = spawner;
        this.loop = loop;
        this.pipes = pipes;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Child spawn(SpawnRequest request) throws IOException {
        OutputSink sink = request.output() instanceof SpawnRequest.ToSink s ? s.sink() : null;
        Pipe out = sink == null ? null : pipe();
        long pid;
        try {
            pid = spawner.spawn(request, out == null ? -1 : out.writeFd());
        } catch (IOException | RuntimeException e) {
            if (out != null) {
                c.close(out.readFd());
            }
            throw e;
        } finally {
            if (out != null) {
                c.close(out.writeFd());
            }
        }
        if (out != null) {
            loop.register(out.readFd(), sink);
        }
        loop.activity();
        return loop.adopt(pid, out == null ? -1 : out.readFd());
    }

    @Override
    public CompletableFuture<Integer> adoptOrphan(long pid) {
        try {
            return loop.adopt(pid, -1).exit();
        } catch (IllegalStateException gone) {
            return CompletableFuture.completedFuture(-1); // reaped or never ours: nothing to wait for
        }
    }

    @Override
    public Pipe pipe() throws IOException {
        return pipes.make();
    }

    @Override
    public IoLoop io() {
        return loop;
    }

    @Override
    void signalled() {
        loop.activity();
    }

    @Override
    public void close() {
        loop.close();
    }
}
