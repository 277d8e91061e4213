package dev.pitstop.control;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.process.Health;
import dev.pitstop.core.process.ProcessBinary;
import dev.pitstop.core.process.ProcessState;
import dev.pitstop.core.process.ProcessStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the answers a short-lived client needs most ({@code ps}, errors) with jackson-core's streaming parser
 * alone: loading jackson-databind would cost {@code pitstop ps} about 70 ms of its ~100 (see
 * {@code docs/benchmarks.md}). Everything else goes through {@link ControlJson}.
 */
final class LightJson {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private LightJson() {}

    static List<ProcessStatus> processes(byte[] body) throws IOException {
        try (JsonParser p = FACTORY.createParser(body)) {
            expect(p, JsonToken.START_ARRAY);
            List<ProcessStatus> all = new ArrayList<>();
            while (p.nextToken() == JsonToken.START_OBJECT) {
                all.add(process(p));
            }
            return all;
        }
    }

    static ProcessStatus process(byte[] body) throws IOException {
        try (JsonParser p = FACTORY.createParser(body)) {
            expect(p, JsonToken.START_OBJECT);
            return process(p);
        }
    }

    /**
     * The {@code error} of an error answer ({@code {"error": "…"}}), or {@code null} if the body is not one: an
     * outcome (a failed reload or swap) has an {@code error} too, but also {@code "ok": false}.
     */
    static String error(byte[] body) {
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String error = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("ok")) {
                    return null;
                }
                if (field.equals("error") && p.currentToken() == JsonToken.VALUE_STRING) {
                    error = p.getText();
                }
                p.skipChildren();
            }
            return error;
        } catch (IOException e) {
            return null;
        }
    }

    /** Reads the fields of one object whose START_OBJECT is the current token. */
    private static ProcessStatus process(JsonParser p) throws IOException {
        String name = null;
        ProcessState state = null;
        Health health = null;
        long pid = 0;
        int restarts = 0;
        Instant startedAt = null;
        Integer exitCode = null;
        List<ProcessBinary> binaries = List.of();
        String statusText = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            boolean isNull = value == JsonToken.VALUE_NULL;
            switch (field) {
                case "name" -> name = p.getText();
                case "state" -> state = ProcessState.valueOf(p.getText());
                case "health" -> health = Health.valueOf(p.getText());
                case "pid" -> pid = p.getLongValue();
                case "restarts" -> restarts = p.getIntValue();
                case "startedAt" -> startedAt = isNull ? null : Instant.parse(p.getText());
                case "exitCode" -> exitCode = isNull ? null : p.getIntValue();
                case "binaries" -> binaries = isNull ? List.of() : binaries(p);
                case "statusText" -> statusText = isNull ? null : p.getText();
                default -> p.skipChildren();
            }
        }
        return new ProcessStatus(name, state, health, pid, restarts, startedAt, exitCode, binaries, statusText);
    }

    /** {@code [{"name", "version", "sha256", "commit"}]}, the current token being START_ARRAY. */
    private static List<ProcessBinary> binaries(JsonParser p) throws IOException {
        List<ProcessBinary> all = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String name = null;
            String version = null;
            String sha256 = null;
            String commit = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                boolean isNull = p.nextToken() == JsonToken.VALUE_NULL;
                switch (field) {
                    case "name" -> name = p.getText();
                    case "version" -> version = p.getText();
                    case "sha256" -> sha256 = p.getText();
                    case "commit" -> commit = isNull ? null : p.getText();
                    default -> p.skipChildren();
                }
            }
            all.add(new ProcessBinary(name, version, new Sha256(sha256), commit));
        }
        return all;
    }

    private static void expect(JsonParser p, JsonToken token) throws IOException {
        if (p.nextToken() != token) {
            throw new IOException("expected " + token + " in the answer, found " + p.currentToken());
        }
    }
}
