package dev.pitstop.supervisor;

import dev.pitstop.supervisor.platform.FdMapping;
import dev.pitstop.supervisor.platform.OutputSink;
import dev.pitstop.supervisor.platform.Pipe;
import dev.pitstop.supervisor.platform.ProcessPlatform;
import java.io.IOException;

/**
 * One run's s6 notification descriptor ({@code ready: notify-fd N}): a pipe whose write end the child gets as
 * descriptor N and whose read end the platform's I/O loop reads. The first newline is the announcement. The read end
 * is never dropped early: the loop closes it once every copy of the write end is closed (the run's group is killed
 * when it ends), so no descriptor number is ever unregistered after another pipe got it.
 */
final class NotifyPipe implements AutoCloseable {
    private final ProcessPlatform platform;
    private final Pipe pipe;
    private final FdMapping mapping;
    private boolean parentEndClosed;

    NotifyPipe(ProcessPlatform platform, int childFd, Runnable ready) throws IOException {
        this.platform = platform;
        try {
            this.pipe = platform.pipe();
        } catch (UnsupportedOperationException e) {
            throw new IOException("ready: notify-fd needs a process platform that gives a child descriptors; "
                    + "the " + platform.name() + " platform gives none", e);
        }
        this.mapping = new FdMapping(pipe.writeFd(), childFd);
        platform.io().register(pipe.readFd(), new OutputSink() {
            private boolean announced;

            @Override
            public void accept(byte[] bytes, int length) {
                for (int i = 0; i < length && !announced; i++) {
                    if (bytes[i] == '\n') {
                        announced = true;
                        ready.run();
                    }
                }
            }

            @Override
            public void end() {
                // the child closed its end, or is gone
            }
        });
    }

    /** What the child gets. */
    FdMapping mapping() {
        return mapping;
    }

    /** Closes this process's copy of the write end, with the run; the child and its descendants keep theirs. */
    @Override
    public synchronized void close() {
        if (!parentEndClosed) {
            parentEndClosed = true;
            platform.close(pipe.writeFd());
        }
    }
}
