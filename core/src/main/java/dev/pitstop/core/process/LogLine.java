package dev.pitstop.core.process;

import java.time.Instant;

/** One line of a process's output, timestamped when it was read. */
public record LogLine(Instant time, String process, String text) {}
