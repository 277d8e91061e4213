package dev.pitstop.fetchers.github;

import dev.pitstop.core.source.FetchException;
import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.fetchers.FetchEnvironment;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/** The keys of a {@code github:} binary, read and checked once. */
record GitHubSettings(String owner, String repo, URI api, Optional<String> token, boolean prerelease,
                      Optional<String> asset, Optional<String> path) {
    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    static final String DEFAULT_API = "https://api.github.com";

    static GitHubSettings of(BinarySpec spec, GitHubKeys keys, FetchEnvironment env) {
        String location = spec.location().trim();
        if (!REPO.matcher(location).matches()) {
            throw invalid(spec, spec.kind(), location, "expected OWNER/REPO, for example nats-io/nats-server");
        }
        String api = text(keys.api()).or(() -> env.get("GITHUB_API_URL")).orElse(DEFAULT_API);
        URI apiUri;
        try {
            apiUri = URI.create(api.endsWith("/") ? api.substring(0, api.length() - 1) : api);
            if (apiUri.getScheme() == null || apiUri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
        } catch (IllegalArgumentException e) {
            throw invalid(spec, "api", api, "not an http(s) URL");
        }
        Optional<String> token = text(keys.tokenEnv()).map(name -> env.get(name)
                .orElseThrow(() -> invalid(spec, "token_env", name, "environment variable is not set")))
                .or(() -> env.get("GITHUB_TOKEN")).or(() -> env.get("GH_TOKEN"));
        int slash = location.indexOf('/');
        return new GitHubSettings(location.substring(0, slash), location.substring(slash + 1), apiUri, token,
                keys.prerelease(), text(keys.asset()), text(keys.path()));
    }

    private static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static FetchException invalid(BinarySpec spec, String key, String value, String why) {
        return new FetchException("binaries." + spec.name() + "." + key + ": '" + value + "': " + why);
    }

    String coordinates() {
        return "github:" + owner + "/" + repo;
    }

    @Override
    public String toString() {
        // never print the token
        return "GitHubSettings[" + owner + "/" + repo + " via " + api + (token.isPresent() ? " with token" : "") + "]";
    }
}
