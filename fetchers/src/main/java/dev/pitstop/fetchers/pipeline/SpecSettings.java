package dev.pitstop.fetchers.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pitstop.core.source.FetchException;
import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.core.trust.Digest;
import java.util.Optional;

/** Typed reads of a binary's source-specific keys; a wrong value names the binary, key and value. */
public final class SpecSettings {
    private final BinarySpec spec;
    private final JsonNode node;
    private final SpecSettings fallback;

    public SpecSettings(BinarySpec spec) {
        this(spec, spec.settings(), null);
    }

    private SpecSettings(BinarySpec spec, JsonNode node, SpecSettings fallback) {
        this.spec = spec;
        this.node = node;
        this.fallback = fallback;
    }

    /** These settings, falling back to {@code base} for keys they lack (a {@code platforms:} entry). */
    public SpecSettings over(SpecSettings base) {
        return new SpecSettings(spec, node, base);
    }

    /** The settings under {@code key} (e.g. one entry of {@code platforms:}), or none. */
    public Optional<SpecSettings> child(String key) {
        JsonNode c = node.get(key);
        return c == null || !c.isObject() ? Optional.empty() : Optional.of(new SpecSettings(spec, c, null));
    }

    public Optional<String> text(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback == null ? Optional.empty() : fallback.text(key);
        }
        if (!v.isValueNode()) {
            throw invalid(key, v.toString(), "expected a string");
        }
        String s = v.asText().trim();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    public boolean bool(String key, boolean fallback) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        String s = v.asText();
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        throw invalid(key, s, "expected true or false");
    }

    /** {@code checksum: sha256:<hex>} (or {@code sha512:}); a bare 64-hex value is taken as SHA-256. */
    public Optional<Digest> digest(String key) {
        return text(key).map(s -> {
            try {
                return s.indexOf(':') < 0 ? new Digest("sha256", s) : Digest.parse(s);
            } catch (IllegalArgumentException e) {
                throw invalid(key, s, e.getMessage());
            }
        });
    }

    public FetchException invalid(String key, String value, String why) {
        return new FetchException("binaries." + spec.name() + "." + key + ": '" + value + "': " + why);
    }
}
