package dev.pitstop.fetchers.internal.http;

import dev.pitstop.core.source.FetchException;
import dev.pitstop.core.source.ProgressListener;
import dev.pitstop.core.source.RateLimitedException;
import dev.pitstop.core.source.TransferMeter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Flow;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.pitstop.fetchers.HttpSettings;

/**
 * GETs for the fetchers, with retries, rate-limit detection and resumable downloads. Requests that carry
 * credentials never follow a redirect to another host with them.
 */
@Singleton
public final class HttpTransport {
    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final int MAX_REDIRECTS = 5;

    private final Provider<HttpClient> clients;
    private final HttpSettings settings;
    private final TransferMeter meter;
    private HttpClient client;

    public HttpTransport(HttpClient client, HttpSettings settings, TransferMeter meter) {
        this(() -> client, settings, meter);
        client();
    }

    /**
     * The client is made on the first request: building one loads TLS and the trust store (≈ 400 classes and a
     * selector thread), which a supervisor that never downloads does not need.
     */
    @Inject
    public HttpTransport(Provider<HttpClient> clients, HttpSettings settings, TransferMeter meter) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.meter = Objects.requireNonNull(meter, "meter");
    }

    private synchronized HttpClient client() {
        if (client == null) {
            HttpClient made = Objects.requireNonNull(clients.get(), "client");
            if (made.followRedirects() != HttpClient.Redirect.NEVER) {
                throw new IllegalArgumentException("HttpTransport follows redirects itself; give it a Redirect.NEVER client");
            }
            client = made;
        }
        return client;
    }

    /** GETs a small text resource; 5xx and broken connections are retried, other statuses returned. */
    public TextResponse get(URI uri, Map<String, String> headers) {
        return settings.retry().call("GET " + redact(uri), attempt -> {
            HttpResponse<String> response = send(uri, headers, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            meter.request(response.statusCode(), response.body() == null ? 0
                    : response.body().getBytes(StandardCharsets.UTF_8).length);
            checkTransient(response.uri(), response.statusCode(), response.headers());
            return new TextResponse(response.uri(), response.statusCode(), response.headers(), response.body());
        });
    }

    /** GETs text that must exist: a checksum file. Empty on 404. */
    public Optional<String> getTextIfPresent(URI uri) {
        TextResponse r = get(uri, Map.of());
        if (r.status() == 404) {
            return Optional.empty();
        }
        if (r.status() != 200) {
            throw new FetchException("GET " + redact(uri) + " answered HTTP " + r.status());
        }
        return Optional.of(r.body());
    }

    /**
     * Streams {@code uri} into {@code file} while hashing; after a broken connection continues with a
     * {@code Range} request, or starts over when the server ignores it.
     */
    public Download download(URI uri, Path file, Set<String> algorithms, ProgressListener progress) {
        return download(uri, file, algorithms, progress, Tee.NONE);
    }

    /** As {@link #download(URI, Path, Set, ProgressListener)}, also handing every byte to {@code tee}. */
    public Download download(URI uri, Path file, Set<String> algorithms, ProgressListener progress, Tee tee) {
        try (HashingFile out = new HashingFile(file, algorithms)) {
            int[] resumed = {0};
            settings.retry().call("download " + redact(uri), attempt -> {
                if (attempt > 1 && out.size() > 0) {
                    resumed[0]++;
                }
                transfer(uri, out, progress, tee);
                return null;
            });
            return out.finish(resumed[0]);
        } catch (IOException e) {
            throw new FetchException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private void transfer(URI uri, HashingFile out, ProgressListener progress, Tee tee)
            throws IOException, InterruptedException {
        long offset = out.size();
        Map<String, String> headers = offset > 0 ? Map.of("Range", "bytes=" + offset + "-") : Map.of();
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = send(uri, headers, HttpResponse.BodyHandlers.ofPublisher());
        BodyStream body = BodyStream.of(response);
        try {
            int status = response.statusCode();
            checkTransient(response.uri(), status, response.headers());
            long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (status == 206) {
                Matcher m = CONTENT_RANGE.matcher(response.headers().firstValue("Content-Range").orElse(""));
                if (!m.matches() || Long.parseLong(m.group(1)) != offset) {
                    LOG.debug("{}: unusable Content-Range, starting over", redact(uri));
                    body.close();
                    out.restart();
                    tee.restarted();
                    throw new IOException("server answered a Range request with an unexpected Content-Range");
                }
                total = "*".equals(m.group(3)) ? -1 : Long.parseLong(m.group(3));
            } else if (status == 200) {
                if (offset > 0) {
                    LOG.debug("{}: server ignored Range, starting over", redact(uri));
                    out.restart();
                    tee.restarted();
                }
            } else {
                throw new FetchException("GET " + redact(response.uri()) + " answered HTTP " + status);
            }
            for (List<ByteBuffer> chunk; (chunk = body.next(settings.readTimeout())) != null; ) {
                for (ByteBuffer b : chunk) {
                    ByteBuffer copy = b.duplicate();
                    out.write(b);
                    tee.write(copy);
                }
                progress.progress(out.size(), total);
            }
            meter.request(status, out.size() - offset);
            if (total >= 0 && out.size() != total) {
                throw new IOException("body ended after " + out.size() + " of " + total + " bytes");
            }
        } finally {
            body.close();
        }
    }

    private <T> HttpResponse<T> send(URI uri, Map<String, String> headers, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        URI current = uri;
        Map<String, String> sent = headers;
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(current).timeout(settings.requestTimeout()).GET();
            sent.forEach(request::header);
            // a redirect's own body is dropped so that its connection goes back to the pool
            HttpResponse<T> response = client().send(request.build(), info -> info.statusCode() / 100 == 3
                    && info.statusCode() != 304 && info.headers().firstValue("Location").isPresent()
                    ? HttpResponse.BodySubscribers.replacing(null) : handler.apply(info));
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (status / 100 != 3 || status == 304 || location.isEmpty()) {
                return response;
            }
            meter.request(status, 0); // the redirect itself, its body dropped
            if (hop >= MAX_REDIRECTS) {
                throw new FetchException("GET " + redact(uri) + ": more than " + MAX_REDIRECTS + " redirects");
            }
            URI next = current.resolve(location.get());
            if (!Objects.equals(next.getRawAuthority(), current.getRawAuthority())
                    || !Objects.equals(next.getScheme(), current.getScheme())) {
                sent = withoutCredentials(sent);
            }
            current = next;
        }
    }

    private static Map<String, String> withoutCredentials(Map<String, String> headers) {
        Map<String, String> copy = new java.util.LinkedHashMap<>(headers);
        copy.keySet().removeIf(k -> k.equalsIgnoreCase("Authorization") || k.equalsIgnoreCase("Cookie"));
        return copy;
    }

    private static void checkTransient(URI uri, int status, java.net.http.HttpHeaders headers) {
        if (status == 403 || status == 429) {
            Optional<Instant> reset = RateLimit.resetTime(headers, Instant.now());
            if (reset.isPresent()) {
                throw new RateLimitedException(uri.getHost(), reset.get());
            }
        }
        if (status >= 500) {
            throw new TransientHttpException(uri, status);
        }
    }

    /** The URI without query and user info, safe to log. */
    public static String redact(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "") + uri.getRawPath();
    }
}
