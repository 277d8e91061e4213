package dev.pitstop.fetchers.github;

import dev.pitstop.core.source.InvalidSettingException;

/**
 * The keys of a {@code github:} binary besides the shared ones, as written; {@link GitHubSettings} adds what the
 * environment says.
 *
 * @param api the API base ({@code https://ghe.example.com/api/v3}), or {@code null} for the default
 * @param tokenEnv the variable holding the token, or {@code null} for {@code GITHUB_TOKEN} / {@code GH_TOKEN}
 * @param prerelease whether {@code latest} may be a pre-release
 * @param asset a glob or {@code /regex/} pinning the asset, or {@code null} to score them
 * @param path which file of the archive is the binary, or {@code null} to pick it by name
 */
record GitHubKeys(String api, String tokenEnv, boolean prerelease, String asset, String path) {
    GitHubKeys {
        if (tokenEnv != null && !tokenEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new InvalidSettingException("token_env", "'" + tokenEnv + "' is not an environment variable name");
        }
    }
}
