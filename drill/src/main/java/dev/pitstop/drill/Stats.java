package dev.pitstop.drill;

import java.util.List;

/** Percentiles of a list of times (nearest rank, as the benchmarks report them). */
final class Stats {
    private Stats() {}

    static long percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
