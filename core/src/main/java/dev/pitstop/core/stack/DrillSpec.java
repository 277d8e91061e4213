package dev.pitstop.core.stack;

import java.util.Objects;

/**
 * The {@code drill:} section of a stack file: the integrity checks {@code pitstop drill} runs around its reloads.
 * Every command runs through the stack's shell in the stack's folder; variables are expanded as elsewhere.
 *
 * @param probe run before and after each reload (say, a message count); must exit 0 both times; {@code null} for none
 * @param inject a process started before the first reload and stopped after the last, writing numbered records
 *               while reloads happen; {@code null} for none
 * @param check run once after the last reload; a non-zero exit means something was lost or duplicated
 * @param nats the built-in JetStream check, or {@code null}
 */
public record DrillSpec(String probe, String inject, String check, Nats nats) {
    public static final DrillSpec NONE = new DrillSpec(null, null, null, null);

    /** Whether the section declares anything at all. */
    public boolean isEmpty() {
        return probe == null && inject == null && check == null && nats == null;
    }

    /**
     * The built-in JetStream check: numbered messages published with acks during the reloads, then counted.
     *
     * @param url the server, e.g. {@code nats://127.0.0.1:4222}
     * @param stream the stream to create (or reuse) on file storage
     * @param subject the subject the stream captures and the check publishes to
     */
    public record Nats(String url, String stream, String subject) {
        public Nats {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(stream, "stream");
            Objects.requireNonNull(subject, "subject");
        }
    }
}
