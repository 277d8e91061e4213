package dev.pitstop.fetchers.internal.pipeline;

import dev.pitstop.core.source.FetchException;
import dev.pitstop.fetchers.internal.archive.Extracted;
import dev.pitstop.fetchers.internal.archive.Extractor;
import dev.pitstop.fetchers.internal.http.Tee;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Unpacks a tar archive on its own thread while it downloads, as {@code curl | tar x} would, so the two
 * overlap. Nothing of it is used unless the finished download matches its evidence; on any failure the
 * pipeline removes what was unpacked. A download that had to start over voids the stream, and the archive is
 * then unpacked from the finished file.
 */
final class ConcurrentExtraction implements AutoCloseable {
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(30);

    private final String archiveName;
    private final BytePipe pipe;
    private final FutureTask<List<Extracted>> task;
    private final Thread thread;

    ConcurrentExtraction(Extractor extractor, String archiveName, Path into, Duration readTimeout) {
        this.archiveName = archiveName;
        this.pipe = new BytePipe(readTimeout);
        this.task = new FutureTask<>(() -> {
            try (BytePipe in = pipe) {
                return extractor.extractTar(in, archiveName, into, in::bytesRead);
            }
        });
        this.thread = new Thread(task, "pitstop-extract-" + archiveName);
        thread.setDaemon(true);
        thread.start();
    }

    Tee tee() {
        return pipe;
    }

    /**
     * Call once the download is complete and verified.
     *
     * @return the unpacked files, or empty when the stream was voided and the file must be unpacked instead
     */
    Optional<List<Extracted>> result(Duration deadline) {
        try {
            pipe.finish();
            return Optional.of(task.get(deadline.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BytePipe.Broken) {
                return Optional.empty();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new FetchException(archiveName + ": cannot extract: " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new FetchException(archiveName + ": extraction did not finish within " + deadline.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(archiveName + ": interrupted while extracting", e);
        } catch (IOException e) {
            throw new FetchException(archiveName + ": " + e.getMessage(), e);
        }
    }

    /** Stops the extracting thread if it still runs and waits for it, so nothing writes into staging afterwards. */
    @Override
    public void close() {
        if (!task.isDone()) {
            pipe.abort();
            thread.interrupt();
        }
        try {
            thread.join(STOP_DEADLINE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            throw new FetchException(archiveName + ": the extracting thread did not stop within "
                    + STOP_DEADLINE.toSeconds() + " s");
        }
    }
}
