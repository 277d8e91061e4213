package dev.pitstop.fetchers;

/**
 * Bounds against archive bombs.
 *
 * @param maxTotalBytes most bytes all entries may expand to
 * @param maxRatio most expanded bytes per archive byte, checked once {@code ratioFloorBytes} were written
 * @param ratioFloorBytes below this much output the ratio is not checked (tiny archives compress well)
 * @param maxEntries most entries in one archive
 */
public record ExtractionLimits(long maxTotalBytes, long maxRatio, long ratioFloorBytes, int maxEntries) {
    public ExtractionLimits {
        if (maxTotalBytes <= 0 || maxRatio <= 0 || ratioFloorBytes < 0 || maxEntries <= 0) {
            throw new IllegalArgumentException("extraction limits must be positive");
        }
    }

    public static ExtractionLimits defaults() {
        return new ExtractionLimits(4L << 30, 200, 64L << 20, 100_000);
    }
}
