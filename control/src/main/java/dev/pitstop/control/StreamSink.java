package dev.pitstop.control;

import java.io.IOException;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Where a streamed answer goes: a first block of items, then each new one until the client leaves. */
interface StreamSink {
    /** Starts the answer (status 200) and writes the history. */
    void start(AnswerKind kind, List<?> history) throws IOException;

    /**
     * Writes each item {@code stream} receives until the client disconnects or {@code closing} turns true; then
     * ends the answer properly.
     */
    void pump(AnswerKind kind, FollowStream<?> stream, BooleanSupplier closing) throws IOException;

    /** A whole answer of the items, not streamed. */
    void whole(AnswerKind kind, List<?> items) throws IOException;
}
