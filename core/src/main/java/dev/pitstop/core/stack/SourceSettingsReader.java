package dev.pitstop.core.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pitstop.core.source.InvalidSettingException;
import java.util.TreeSet;

/**
 * Reads a source's own keys into the record it declared, with Jackson: {@code token_env} fills the component
 * {@code tokenEnv}. Every failure becomes a {@link StackFileException} at the offending key's line and column.
 */
final class SourceSettingsReader {
    private final ObjectMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();

    <S> S read(YamlDocument doc, String entryPath, String kind, ObjectNode keys, Class<S> type) {
        try {
            return mapper.treeToValue(keys, type);
        } catch (UnrecognizedPropertyException e) {
            TreeSet<String> known = new TreeSet<>();
            e.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
            throw doc.error(path(entryPath, e), true, known.isEmpty()
                    ? "unknown key: a " + kind + " source takes no keys of its own"
                    : "unknown key for a " + kind + " source (its keys: " + String.join(", ", known) + ")");
        } catch (MismatchedInputException e) {
            throw doc.error(path(entryPath, e), false, "expected " + describe(e.getTargetType()));
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof InvalidSettingException invalid) {
                throw doc.error(YamlDocument.child(path(entryPath, e), invalid.key()), false, invalid.getMessage());
            }
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw doc.error(path(entryPath, e), false, firstLine(cause.getMessage()));
        } catch (JsonProcessingException e) {
            throw doc.error(entryPath, false, firstLine(e.getOriginalMessage()));
        }
    }

    private static String path(String entryPath, JsonMappingException e) {
        String path = entryPath;
        for (JsonMappingException.Reference ref : e.getPath()) {
            path = ref.getFieldName() != null ? YamlDocument.child(path, ref.getFieldName())
                    : ref.getIndex() >= 0 ? YamlDocument.item(path, ref.getIndex()) : path;
        }
        return path;
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a single value";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "a map";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
