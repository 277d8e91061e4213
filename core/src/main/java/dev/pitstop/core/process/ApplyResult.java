package dev.pitstop.core.process;

import java.util.List;

/** What {@link Supervisor#apply} did, by process name. */
public record ApplyResult(List<String> started, List<String> stopped, List<String> restarted, List<String> unchanged) {}
