package dev.pitstop.core.event;

import java.time.Instant;

/**
 * Something that happened to the stack, in order; appended to {@code .pitstop/events.jsonl}.
 *
 * @param seq increases by one per event of a running stack
 * @param process the process concerned, or {@code null} for stack-wide events
 * @param detail a human-readable addition (state label, PID, reason), may be empty
 */
public record Event(long seq, Instant time, EventType type, String process, String detail) {}
