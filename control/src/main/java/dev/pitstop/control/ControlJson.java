package dev.pitstop.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.pitstop.core.Sha256;
import java.io.IOException;
import java.nio.file.Path;

/**
 * JSON shapes of the control API: records as they are, times as ISO-8601 strings, SHA-256s and paths as plain
 * strings. Documents (the manifest, a snapshot) are written as in their files: sorted keys, two-space indent,
 * absent values left out. The CLI's {@code --json} prints through this class too, so it prints what the socket
 * answers.
 */
public final class ControlJson {
    private final ObjectMapper mapper;
    private final ObjectWriter documents;

    public ControlJson() {
        this.mapper = JsonMapper.builder().addModule(new JavaTimeModule()).addModule(values())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        this.documents = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(values())
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY,
                        JsonInclude.Include.ALWAYS))
                .build()
                .writer(new DefaultPrettyPrinter()
                        .withSeparators(Separators.createDefaultInstance()
                                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                                .withObjectEmptySeparator("")
                                .withArrayEmptySeparator(""))
                        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                        .withArrayIndenter(new DefaultIndenter("  ", "\n")));
    }

    private static SimpleModule values() {
        return new SimpleModule("pitstop-control-values")
                .addSerializer(Sha256.class, ToStringSerializer.instance)
                .addSerializer(Path.class, ToStringSerializer.instance)
                .addDeserializer(Sha256.class, new FromString<>(Sha256.class, Sha256::new))
                .addDeserializer(Path.class, new FromString<>(Path.class, Path::of));
    }

    /** One line of JSON, without a newline. */
    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    /** As {@code pitstop.lock.json} and snapshot files are written, with a trailing newline. */
    public String document(Object value) {
        try {
            return documents.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    /** The JSON of an error answer. */
    public String error(String message) {
        return write(new Error(message));
    }

    <T> T read(byte[] body, TypeReference<T> type) throws IOException {
        return mapper.readValue(body, type);
    }

    <T> T read(byte[] body, Class<T> type) throws IOException {
        return mapper.readValue(body, type);
    }

    JsonNode tree(byte[] body) {
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw new ControlException(0, "the stack answered something other than JSON: " + e.getMessage());
        }
    }

    <T> T convert(JsonNode node, Class<T> type) throws IOException {
        return mapper.treeToValue(node, type);
    }

    ObjectMapper mapper() {
        return mapper;
    }

    record Error(String error) {}

    private static final class FromString<T> extends FromStringDeserializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient java.util.function.Function<String, T> parse;

        FromString(Class<T> type, java.util.function.Function<String, T> parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        protected T _deserialize(String value, DeserializationContext ctxt) {
            return parse.apply(value);
        }
    }
}
