package dev.pitstop.core.stack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pitstop.core.source.Source;
import dev.pitstop.core.source.SourceKinds;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Pitstop-only {@code binaries:} section. The source key must be one of the installed kinds; the keys
 * every source shares are read here, the rest into the source's own settings record.
 */
final class BinaryParser {
    /** Keys of every entry, whatever its source. */
    static final Set<String> SHARED = Set.of("version", "watch", "poll", "poll_apply", "checksum", "signature",
            "public_key", "cosign_key");

    /** The name becomes a file name under {@code .pitstop/bin/}, so no separators and no leading dot. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|h|m|s)");

    private final ReadContext ctx;
    private final SourceKinds kinds;
    private final SourceSettingsReader settings;

    BinaryParser(ReadContext ctx, SourceKinds kinds, SourceSettingsReader settings) {
        this.ctx = ctx;
        this.kinds = kinds;
        this.settings = settings;
    }

    Map<String, BinarySpec> parse(YamlNode section) {
        Map<String, BinarySpec> binaries = new LinkedHashMap<>();
        for (YamlNode entry : section.entries()) {
            binaries.put(entry.key(), parseOne(entry));
        }
        return binaries;
    }

    private BinarySpec parseOne(YamlNode entry) {
        String name = entry.key();
        if (!NAME.matcher(name).matches()) {
            throw entry.keyError("a binary name is letters, digits, '.', '_' and '-' (it becomes a file name)");
        }
        String installed = String.join(", ", kinds.names());
        if (!entry.isMap()) {
            throw entry.error("a binary is a map with one source key (" + installed + "), found " + entry.describe());
        }
        YamlNode source = sourceKey(entry, installed);
        String location = source.string();
        if (location.isBlank()) {
            throw source.error(source.key() + " is empty");
        }
        Source<?> kind = kinds.find(source.key()).orElseThrow();
        ObjectNode own = ((ObjectNode) entry.raw()).deepCopy();
        own.remove(source.key());
        own.remove(SHARED);
        own.remove(own.properties().stream().map(Map.Entry::getKey).filter(k -> k.startsWith("x-")).toList());
        Object typed = settings.read(ctx.doc(), entry.path(), source.key(), own, kind.settingsType());
        TrustSettings trust = new TrustSettings(raw(entry.get("checksum")), raw(entry.get("signature")),
                raw(entry.get("public_key")), raw(entry.get("cosign_key")));
        return new BinarySpec(name, source.key(), location, entry.get("version").string("latest"),
                entry.get("watch").bool(false), duration(entry.get("poll")), trust, kind.capabilities(), typed,
                pollApply(entry.get("poll_apply")));
    }

    /** The one key naming an installed kind; a key that names none is reported with the installed kinds. */
    private YamlNode sourceKey(YamlNode entry, String installed) {
        List<YamlNode> keys = entry.entries();
        List<YamlNode> sources = keys.stream().filter(n -> kinds.find(n.key()).isPresent()).toList();
        if (sources.size() > 1) {
            throw entry.keyError("a binary takes exactly one source, found " + sources.stream().map(YamlNode::key).toList());
        }
        if (sources.size() == 1) {
            return sources.get(0);
        }
        keys.stream().filter(n -> !SHARED.contains(n.key()) && !n.key().startsWith("x-")).findFirst().ifPresent(n -> {
            throw n.keyError("no source of kind '" + n.key() + "' is installed (installed: " + installed + ")");
        });
        throw entry.keyError("a binary needs exactly one source: " + installed);
    }

    private static PollApply pollApply(YamlNode node) {
        String value = node.string();
        if (value == null || value.strip().equals("swap")) {
            return PollApply.SWAP;
        }
        if (value.strip().equals("record")) {
            return PollApply.RECORD;
        }
        throw node.error("expected swap or record, found '" + value + "'");
    }

    /** A shared key's text as written (no variable expansion: keys and digests contain no variables). */
    private static String raw(YamlNode node) {
        if (node.isMissing()) {
            return null;
        }
        if (!node.raw().isValueNode()) {
            throw node.error("expected a single value, found " + node.describe());
        }
        return node.raw().asText();
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
