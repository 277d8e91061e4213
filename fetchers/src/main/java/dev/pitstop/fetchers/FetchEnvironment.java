package dev.pitstop.fetchers;

import java.util.Map;
import java.util.Optional;

/**
 * The environment variables the fetchers read ({@code GITHUB_API_URL}, {@code GITHUB_TOKEN}, {@code GH_TOKEN}
 * and any {@code token_env:}), injected so that tests and embedders control them.
 */
public record FetchEnvironment(Map<String, String> variables) {
    public FetchEnvironment {
        variables = Map.copyOf(variables);
    }

    public Optional<String> get(String name) {
        String v = variables.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }
}
