package dev.pitstop.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.core.stack.TrustSettings;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Binary specs whose trust keys are written as in a stack file. */
final class TestSpecs {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private TestSpecs() {
    }

    static BinarySpec spec(String name, String kind, String location, String yaml) {
        try {
            JsonNode keys = yaml.isBlank() ? YAML.createObjectNode() : YAML.readTree(yaml);
            return BinarySpec.of(name, kind, location).withTrust(new TrustSettings(text(keys, "checksum"),
                    text(keys, "signature"), text(keys, "public_key"), text(keys, "cosign_key")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode keys, String key) {
        JsonNode v = keys.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }
}
