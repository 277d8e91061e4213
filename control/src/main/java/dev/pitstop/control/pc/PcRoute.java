package dev.pitstop.control.pc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One route of Process Compose's API: a method and a path pattern whose {@code :name} segments are parameters.
 * Segments are matched on the raw path and decoded one by one, so a process name with a {@code /} sent as
 * {@code %2F} stays one parameter (as Process Compose's router does).
 */
record PcRoute(String method, List<String> pattern, PcRoute.Action action) {

    /** What a route does with its path parameters and the request body. */
    @FunctionalInterface
    interface Action {
        PcReply answer(Map<String, String> params, byte[] body) throws InterruptedException;
    }

    static PcRoute of(String method, String path, Action action) {
        return new PcRoute(method, segments(path), action);
    }

    /** The parameters, when this route takes the request. */
    Optional<Map<String, String>> match(String requestMethod, String rawPath) {
        List<String> given = segments(rawPath);
        if (!method.equals(requestMethod) || given.size() != pattern.size()) {
            return Optional.empty();
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String want = pattern.get(i);
            String value = URLDecoder.decode(given.get(i).replace("+", "%2B"), StandardCharsets.UTF_8);
            if (want.startsWith(":")) {
                params.put(want.substring(1), value);
            } else if (!want.equals(value)) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    private static List<String> segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
    }
}
