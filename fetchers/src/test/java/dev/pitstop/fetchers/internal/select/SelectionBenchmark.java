package dev.pitstop.fetchers.internal.select;

import dev.pitstop.core.Platform;
import java.util.List;
import java.util.Optional;

/**
 * How many release asset lists per second the selector scores (run by {@code benchmarks/fetch/run.sh}):
 * every real listing × five platforms, repeated for a few seconds after a warm-up.
 */
public final class SelectionBenchmark {
    private SelectionBenchmark() {
    }

    public static void main(String[] args) {
        List<ReleaseLists.Listing> lists = ReleaseLists.all();
        List<Platform> platforms = List.of(Platform.parse("linux/amd64"), Platform.parse("linux/arm64"),
                Platform.parse("darwin/arm64"), Platform.parse("darwin/amd64"), Platform.parse("windows/amd64"));
        AssetSelector selector = new AssetSelector();
        run(selector, lists, platforms, 2_000_000_000L);
        long started = System.nanoTime();
        long done = run(selector, lists, platforms, 5_000_000_000L);
        double seconds = (System.nanoTime() - started) / 1e9;
        double avg = lists.stream().mapToInt(l -> l.assets().size()).average().orElse(0);
        System.out.printf("selection: %.0f asset lists/s (%d lists of %.1f assets on average, %d selections in %.1f s)%n",
                done / seconds, lists.size(), avg, done, seconds);
    }

    private static long run(AssetSelector selector, List<ReleaseLists.Listing> lists, List<Platform> platforms, long nanos) {
        long end = System.nanoTime() + nanos;
        long count = 0;
        int sink = 0;
        while (System.nanoTime() < end) {
            for (ReleaseLists.Listing l : lists) {
                for (Platform p : platforms) {
                    try {
                        sink += selector.selectName(l.assets(), p, l.tool(), Optional.empty()).length();
                    } catch (RuntimeException e) {
                        sink++;
                    }
                    count++;
                }
            }
        }
        if (sink == 42) {
            System.out.print("");
        }
        return count;
    }
}
