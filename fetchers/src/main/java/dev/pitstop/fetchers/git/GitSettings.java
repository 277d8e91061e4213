package dev.pitstop.fetchers.git;

import dev.pitstop.core.source.InvalidSettingException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The keys of a {@code git:} binary besides the shared ones.
 *
 * @param ref a branch, tag or full commit id; {@code null} for the remote's default branch
 * @param build the shell command that builds the binary in the checkout and writes it to {@code $PITSTOP_OUT}
 * @param paths the build's inputs, relative to the repository's root; empty for the whole tree
 * @param toolchain a command whose output identifies the toolchain ({@code cc --version}), or {@code null}
 * @param env the only environment variables the build sees besides {@code PATH}, {@code HOME} and
 *            {@code PITSTOP_OUT}
 * @param timeoutSeconds how long the build may run; default 1800
 */
record GitSettings(String ref, String build, List<String> paths, String toolchain, Map<String, String> env,
                   Integer timeoutSeconds) {
    static final int DEFAULT_TIMEOUT_SECONDS = 1800;

    GitSettings {
        if (build == null || build.isBlank()) {
            throw new InvalidSettingException("build", "a git: source needs build: a command that writes $PITSTOP_OUT");
        }
        if (ref != null && ref.isBlank()) {
            throw new InvalidSettingException("ref", "empty; leave it out for the remote's default branch");
        }
        paths = paths == null ? List.of() : paths.stream().map(GitSettings::normalized).sorted().distinct().toList();
        env = env == null ? Map.of() : new TreeMap<>(env);
        if (timeoutSeconds != null && timeoutSeconds <= 0) {
            throw new InvalidSettingException("timeout_seconds", "must be positive, found " + timeoutSeconds);
        }
    }

    int timeout() {
        return timeoutSeconds == null ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds;
    }

    /** {@code ./include/} → {@code include}: the form of a path inside a git tree. */
    private static String normalized(String path) {
        String p = path == null ? "" : path.strip();
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty() || p.startsWith("/") || List.of(p.split("/")).contains("..")) {
            throw new InvalidSettingException("paths", "'" + path + "' is not a path inside the repository");
        }
        return p;
    }
}
