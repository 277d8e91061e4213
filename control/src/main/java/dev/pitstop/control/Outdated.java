package dev.pitstop.control;

import dev.pitstop.core.OutdatedBinary;

/** A binary's current version and the newest its source offers. */
public record Outdated(String binary, String current, String latest, boolean outdated) {
    public static Outdated of(OutdatedBinary o) {
        return new Outdated(o.binary(), o.current(), o.latest(), o.outdated());
    }
}
