package dev.pitstop.fetchers.internal.pipeline;

import dev.pitstop.core.source.FetchException;
import dev.pitstop.core.source.ProgressListener;
import dev.pitstop.fetchers.internal.http.Download;
import dev.pitstop.fetchers.internal.http.HashingFile;
import dev.pitstop.fetchers.internal.http.HttpTransport;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** One asset copied into a file while it is hashed: over HTTP, or read from a {@code file:} URL. */
final class Transfer {
    private Transfer() {
    }

    static Download of(HttpTransport http, URI uri, Path target, Set<String> algorithms, ProgressListener progress)
            throws IOException {
        if (!"file".equals(uri.getScheme())) {
            return http.download(uri, target, algorithms, progress);
        }
        Path source = Path.of(uri);
        if (!Files.isRegularFile(source)) {
            throw new FetchException("no such file: " + source);
        }
        try (HashingFile out = new HashingFile(target, algorithms); InputStream in = Files.newInputStream(source)) {
            out.copyFrom(in);
            progress.progress(out.size(), out.size());
            return out.finish(0);
        }
    }
}
