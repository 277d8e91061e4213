package dev.pitstop.control.pc;

import java.util.Map;

/**
 * An answer of the Process Compose API: a status, a body that is written as JSON, and what to do once the answer
 * is out ({@code POST /project/stop} answers before the stack goes down, as Process Compose does).
 */
record PcReply(int status, Object body, Runnable after) {
    private static final Runnable NOTHING = () -> { };

    PcReply(int status, Object body) {
        this(status, body, NOTHING);
    }

    static PcReply ok(Object body) {
        return new PcReply(200, body);
    }

    /** Process Compose answers a refused request with 400 and {@code {"error": "..."}}. */
    static PcReply error(String message) {
        return new PcReply(400, Map.of("error", message));
    }

    static PcReply notSupported(String what) {
        return new PcReply(501, Map.of("error", what + " is not supported by Pitstop"));
    }

    PcReply then(Runnable next) {
        return new PcReply(status, body, next);
    }
}
