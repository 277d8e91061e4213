package dev.pitstop.control;

import java.io.IOException;

/**
 * What a route answers: a value with its status and kind (written as JSON, or as text through the
 * {@link TextRendering}), or a stream that writes itself.
 */
record Reply(int status, AnswerKind kind, Object value, Stream stream) {
    static Reply ok(AnswerKind kind, Object value) {
        return new Reply(200, kind, value, null);
    }

    /** 200 if {@code ok}, else 409 (a reload or swap that failed, a verify that found mismatches). */
    static Reply outcome(boolean ok, AnswerKind kind, Object value) {
        return new Reply(ok ? 200 : 409, kind, value, null);
    }

    static Reply stream(Stream stream) {
        return new Reply(200, null, null, stream);
    }

    /** The body of a streamed answer, written by the route on the connection's thread. */
    @FunctionalInterface
    interface Stream {
        void write(StreamSink sink) throws IOException;
    }
}
