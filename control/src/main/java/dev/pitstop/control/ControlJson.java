package dev.pitstop.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.pitstop.core.OutdatedBinary;
import dev.pitstop.core.Sha256;
import dev.pitstop.core.SwapFailedException;
import dev.pitstop.core.SwapResult;
import dev.pitstop.core.process.ReloadFailedException;
import dev.pitstop.core.process.ReloadResult;
import dev.pitstop.core.store.VerifyReport;
import java.nio.file.Path;
import java.util.List;

/**
 * JSON shapes of the control API; records are serialized as they are, times as ISO-8601 strings, SHA-256s
 * and paths as plain strings. Documents (the manifest, a snapshot) are written as in their files: sorted
 * keys, two-space indent, absent values left out.
 */
final class ControlJson {
    private final ObjectMapper mapper;
    private final ObjectWriter documents;

    ControlJson(ObjectMapper base) {
        this.mapper = base.copy().registerModule(new JavaTimeModule()).registerModule(values())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
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
                .addSerializer(Path.class, ToStringSerializer.instance);
    }

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    /** As {@code pitstop.lock.json} and snapshot files are written, with a trailing newline. */
    String document(Object value) {
        try {
            return documents.writeValueAsString(value) + "\n";
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

    /** A binary version made current, with every process reloaded onto it. */
    record Swapped(String binary, boolean ok, String from, String to, List<Reloaded> reloads) {
        static Swapped of(SwapResult r) {
            return new Swapped(r.binary(), true, r.from(), r.to(), r.reloads().stream().map(Reloaded::of).toList());
        }
    }

    /**
     * A candidate that did not become ready, with the facts of {@link SwapFailedException}.
     *
     * @param reason why the candidate failed
     * @param outcome what happened next: {@code rolled back to …}, or why nothing could be restored
     */
    record SwapFailed(String binary, boolean ok, String error, String candidate, String reason, String restored,
                      String outcome, Integer exitCode, List<String> lastLogLines) {
        static SwapFailed of(SwapFailedException e) {
            String reason = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
            String prefix = e.binary() + ": " + e.candidate() + " failed: " + reason + "; ";
            String outcome = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length())
                    : e.restored() == null ? "no earlier version to go back to" : "rolled back to " + e.restored();
            return new SwapFailed(e.binary(), false, e.getMessage(), e.candidate(), reason, e.restored(), outcome,
                    e.exitCode(), e.lastLogLines());
        }
    }

    record Verified(boolean ok, int checked, List<VerifyReport.Mismatch> mismatches) {
        static Verified of(VerifyReport r) {
            return new Verified(r.ok(), r.checked(), r.mismatches());
        }
    }

    record Outdated(String binary, String current, String latest, boolean outdated) {
        static Outdated of(OutdatedBinary o) {
            return new Outdated(o.binary(), o.current(), o.latest(), o.outdated());
        }
    }

    record Explained(String binary, String platform, String explanation) {}

    record Error(String error) {}

    record Done(String process, String action) {}
}
