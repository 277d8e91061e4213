package dev.pitstop.testkit.release;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request the {@link ReleaseServer} answered.
 *
 * @param server {@code api} (API and github.com-style download links) or {@code objects} (the redirect target)
 * @param headers lower-case names
 */
public record RecordedRequest(String server, String method, String pathAndQuery, Map<String, List<String>> headers,
                              int status) {
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
