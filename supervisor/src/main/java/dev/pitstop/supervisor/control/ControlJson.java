package dev.pitstop.supervisor.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.pitstop.core.process.ReloadFailedException;
import dev.pitstop.core.process.ReloadResult;
import java.util.List;

/** JSON shapes of the control API; records are serialized as they are, times as ISO-8601 strings. */
final class ControlJson {
    private final ObjectMapper mapper;

    ControlJson(ObjectMapper base) {
        this.mapper = base.copy().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** A successful reload; {@code sha256} is {@code null} where the platform cannot tell. */
    record Reloaded(String name, boolean ok, long oldPid, long newPid, String sha256, long tookMs) {
        static Reloaded of(ReloadResult r) {
            return new Reloaded(r.name(), true, r.oldPid(), r.newPid(),
                    r.executable() == null ? null : r.executable().hex(), r.took().toMillis());
        }
    }

    /** A failed reload with the facts of {@link ReloadFailedException}. */
    record ReloadFailed(String name, boolean ok, String error, Integer exitCode, List<String> lastLogLines) {
        static ReloadFailed of(ReloadFailedException e) {
            return new ReloadFailed(e.process(), false, e.getMessage(), e.exitCode(), e.lastLogLines());
        }
    }

    record Error(String error) {}

    record Done(String process, String action) {}
}
