package dev.pitstop.fetchers.file;

/**
 * The keys of a {@code file:} binary besides the shared ones.
 *
 * @param path which file of an archive is the binary; {@code null} to pick it by name
 */
record FileSettings(String path) {
}
