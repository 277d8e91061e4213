package dev.pitstop.core.source;

/** The settings of a source that takes no keys of its own: any key besides the shared ones is an error. */
public record NoSettings() {
}
