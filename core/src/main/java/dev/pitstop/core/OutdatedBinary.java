package dev.pitstop.core;

/**
 * A binary's current version next to the newest its source offers.
 *
 * @param current the manifest's current version, or {@code null} if never installed
 */
public record OutdatedBinary(String binary, String current, String latest) {
    public boolean outdated() {
        return current == null || !current.equals(latest);
    }
}
