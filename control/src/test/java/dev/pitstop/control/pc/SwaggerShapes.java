package dev.pitstop.control.pc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Process Compose's own {@code swagger.json} (v1.122): its routes and the schemas of its answers. */
final class SwaggerShapes {
    private final JsonNode swagger;

    SwaggerShapes() throws IOException {
        try (InputStream in = SwaggerShapes.class.getResourceAsStream("/process-compose-api/swagger.json")) {
            swagger = new ObjectMapper().readTree(in);
        }
    }

    /** Every {@code METHOD /path} Process Compose serves, with its {@code {param}}s. */
    List<String> routes() {
        List<String> routes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = swagger.get("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fieldNames().forEachRemaining(m -> routes.add(m.toUpperCase() + " " + path.getKey()));
        }
        return routes;
    }

    /** Every field of {@code node} is a property of {@code schema} with the JSON type the schema gives it. */
    void assertConforms(String schema, JsonNode node) {
        JsonNode properties = swagger.get("components").get("schemas").get(schema).get("properties");
        assertThat(node.isObject()).as("%s is an object: %s", schema, node).isTrue();
        node.fields().forEachRemaining(field -> {
            JsonNode declared = properties.get(field.getKey());
            assertThat(declared).as("%s has a property %s", schema, field.getKey()).isNotNull();
            assertType(schema + "." + field.getKey(), declared, field.getValue());
        });
    }

    private void assertType(String where, JsonNode declared, JsonNode value) {
        if (declared.has("$ref")) {
            String ref = declared.get("$ref").asText();
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            JsonNode target = swagger.get("components").get("schemas").get(name);
            if (target.has("properties")) {
                assertConforms(name, value);
            } else {
                assertType(where, target, value);
            }
            return;
        }
        String type = declared.path("type").asText();
        boolean ok = switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> true;
        };
        assertThat(ok).as("%s is a %s: %s", where, type, value).isTrue();
        if ("array".equals(type) && declared.has("items")) {
            value.forEach(item -> assertType(where + "[]", declared.get("items"), item));
        }
    }
}
