package dev.pitstop.fetchers;

import java.time.Duration;
import java.util.Objects;

/**
 * How the fetchers talk HTTP.
 *
 * @param connectTimeout per connection
 * @param requestTimeout until the response headers of one request arrive
 * @param readTimeout the longest silence while a body streams, before the connection counts as broken
 */
public record HttpSettings(Duration connectTimeout, Duration requestTimeout, Duration readTimeout, RetryPolicy retry) {
    public HttpSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(retry, "retry");
    }

    public static HttpSettings defaults() {
        return new HttpSettings(Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofSeconds(60),
                RetryPolicy.defaults());
    }
}
