package dev.pitstop.control;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One line of the routing table: a method, a path pattern whose {@code {name}} segments are variables, and the
 * handler.
 */
record Route(String method, String pattern, Handler handler) {
    @FunctionalInterface
    interface Handler {
        Reply handle(HttpRequest request, Map<String, String> variables);
    }

    /** The variables of {@code path} if it has this route's shape, whatever the method. */
    Optional<Map<String, String>> match(String path) {
        String[] want = pattern.split("/", -1);
        String[] got = path.split("/", -1);
        if (want.length != got.length) {
            return Optional.empty();
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < want.length; i++) {
            if (want[i].startsWith("{")) {
                if (got[i].isEmpty()) {
                    return Optional.empty();
                }
                variables.put(want[i].substring(1, want[i].length() - 1), got[i]);
            } else if (!want[i].equals(got[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(variables);
    }
}
