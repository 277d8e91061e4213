package dev.pitstop.supervisor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code sd_notify} datagram: newline-separated {@code KEY=VALUE} assignments ({@code READY=1},
 * {@code STATUS=…}). Lines without {@code =} are ignored, as systemd ignores them; a later key wins.
 */
record NotifyMessage(Map<String, String> fields) {

    static NotifyMessage parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return new NotifyMessage(Map.copyOf(fields));
    }

    boolean says(String key, String value) {
        return value.equals(fields.get(key));
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(fields.get(key));
    }
}
