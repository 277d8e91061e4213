package dev.pitstop.core.stack;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads an {@code environment:} section in either form: a list of {@code KEY=VALUE} or a map. */
final class Environments {
    private Environments() {}

    static Map<String, String> read(YamlNode node) {
        Map<String, String> env = new LinkedHashMap<>();
        if (node.isMap()) {
            for (YamlNode entry : node.entries()) {
                env.put(entry.key(), entry.string(""));
            }
            return env;
        }
        for (YamlNode item : node.items()) {
            String pair = item.string("");
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw item.error("expected KEY=VALUE, found '" + pair + "'");
            }
            env.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return env;
    }
}
