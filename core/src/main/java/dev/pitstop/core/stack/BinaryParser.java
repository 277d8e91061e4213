package dev.pitstop.core.stack;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Pitstop-only {@code binaries:} section. Only what every source shares is checked here; the
 * source-specific keys stay in {@link BinarySpec#settings()} for the source to validate.
 */
final class BinaryParser {
    static final List<String> SOURCE_KINDS = List.of("github", "url", "mirror", "file", "git");

    /** The name becomes a file name under {@code .pitstop/bin/}, so no separators and no leading dot. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|h|m|s)");

    private BinaryParser() {}

    static Map<String, BinarySpec> parse(YamlNode section) {
        Map<String, BinarySpec> binaries = new LinkedHashMap<>();
        for (YamlNode entry : section.entries()) {
            binaries.put(entry.key(), parseOne(entry));
        }
        return binaries;
    }

    private static BinarySpec parseOne(YamlNode entry) {
        String name = entry.key();
        if (!NAME.matcher(name).matches()) {
            throw entry.keyError("a binary name is letters, digits, '.', '_' and '-' (it becomes a file name)");
        }
        if (!entry.isMap()) {
            throw entry.error("a binary is a map with one of " + String.join(", ", SOURCE_KINDS) + ", found " + entry.describe());
        }
        List<YamlNode> sources = SOURCE_KINDS.stream().map(entry::get).filter(n -> !n.isMissing()).toList();
        if (sources.size() != 1) {
            throw entry.keyError(sources.isEmpty()
                    ? "a binary needs exactly one source: " + String.join(", ", SOURCE_KINDS)
                    : "a binary takes exactly one source, found " + sources.stream().map(YamlNode::key).toList());
        }
        YamlNode source = sources.get(0);
        String location = source.string();
        if (location.isBlank()) {
            throw source.error(source.key() + " is empty");
        }
        return new BinarySpec(name, source.key(), location, entry.get("version").string("latest"),
                entry.get("watch").bool(false), duration(entry.get("poll")), entry.raw().deepCopy());
    }

    /** Go-style durations as Process Compose users write them: {@code 30s}, {@code 10m}, {@code 1h30m}. */
    static Duration duration(YamlNode node) {
        String text = node.string();
        if (text == null) {
            return null;
        }
        Matcher m = DURATION.matcher(text.strip());
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.lookingAt()) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                case "s" -> Duration.ofSeconds(n);
                default -> Duration.ofMillis(n);
            });
            end = m.end();
            m.region(end, m.regionEnd());
        }
        if (end == 0 || end != text.strip().length() || total.isZero()) {
            throw node.error("expected a duration such as 30s, 10m, 1h or 1h30m, found '" + text + "'");
        }
        return total;
    }
}
