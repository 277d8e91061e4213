package dev.pitstop.fetchers.internal.select;

/**
 * One row of the selection table.
 *
 * @param eligible false when the asset can never be picked for this platform (package, checksum, other OS…)
 * @param reason how the score was made, or why it is excluded
 */
public record ScoredAsset(String name, int score, boolean eligible, String reason) {}
