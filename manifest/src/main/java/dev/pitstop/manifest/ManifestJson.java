package dev.pitstop.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.store.Manifest;
import dev.pitstop.core.store.ManifestCorruptException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * The JSON form of manifests and snapshots: sorted keys, two-space indent, {@code "key": value}, ISO-8601
 * times, SHA-256 as plain hex, absent values left out, and a trailing newline, so that git diffs read well.
 */
final class ManifestJson {
    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("pitstop-values")
                    .addSerializer(Sha256.class, ToStringSerializer.instance)
                    .addDeserializer(Sha256.class, new Sha256Deserializer()))
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY,
                    JsonInclude.Include.ALWAYS))
            .build();

    private final DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    byte[] write(Object value) {
        try {
            String text = mapper.writer(printer).writeValueAsString(value);
            return (text + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** @throws ManifestCorruptException naming {@code file} and the line and column of the problem */
    Manifest readManifest(Path file, byte[] content) {
        Manifest manifest = read(file, content, Manifest.class);
        if (manifest.schemaVersion() > Manifest.SCHEMA_VERSION) {
            throw new ManifestCorruptException(file, 0, 0, "schemaVersion " + manifest.schemaVersion()
                    + " was written by a newer Pitstop (this one reads up to " + Manifest.SCHEMA_VERSION + ")", null);
        }
        return manifest;
    }

    <T> T read(Path file, byte[] content, Class<T> type) {
        try {
            T value = mapper.readValue(content, type);
            if (value == null) {
                throw new ManifestCorruptException(file, 1, 1, "empty document", null);
            }
            return value;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ManifestCorruptException(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    problem(e), e);
        } catch (IllegalArgumentException e) { // a record rejected a value, for example a malformed SHA-256
            throw new ManifestCorruptException(file, 0, 0, e.getMessage(), e);
        } catch (IOException e) {
            throw new ManifestCorruptException(file, 0, 0, e.getMessage(), e);
        }
    }

    /**
     * What is wrong, in the manifest's own terms: a value a record refused is named by its JSON path with the
     * record's reason ({@code binaries.nats.current.sha256: 'xyz' is not a SHA-256 ...}), never as Jackson's
     * "Cannot deserialize value of type `dev.pitstop.core.Sha256`".
     */
    private static String problem(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return e.getOriginalMessage();
        }
        String path = mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException refused && refused.getMessage() != null) {
            return path + ": " + refused.getMessage();
        }
        if (e instanceof InvalidFormatException format) {
            return path + ": '" + format.getValue() + "' is not a valid value here";
        }
        return path + ": " + e.getOriginalMessage().replaceAll("`[\\w.$]+\\.(\\w+)`", "$1");
    }

    private static final class Sha256Deserializer extends FromStringDeserializer<Sha256> {
        private static final long serialVersionUID = 1L;

        Sha256Deserializer() {
            super(Sha256.class);
        }

        @Override
        protected Sha256 _deserialize(String value, DeserializationContext ctxt) {
            return new Sha256(value);
        }
    }
}
