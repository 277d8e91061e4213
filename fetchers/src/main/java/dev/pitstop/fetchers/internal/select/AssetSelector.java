package dev.pitstop.fetchers.internal.select;

import dev.pitstop.core.Platform;
import dev.pitstop.core.source.Asset;
import dev.pitstop.core.source.NoMatchingAssetException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Picks the one asset of a release that runs on a platform. Every asset is scored (see {@link #explain});
 * the best eligible one wins; no eligible asset, or a tie at the top, is an error that lists the candidates
 * and says how to pin one with {@code asset:}.
 */
public final class AssetSelector {

    /**
     * @param toolName the binary's name (or the repo's), preferred as a name prefix
     * @param pin the {@code asset:} setting, a glob or {@code /regex/}; restricts the candidates
     */
    public Asset select(List<Asset> assets, Platform platform, String toolName, Optional<String> pin) {
        List<String> names = assets.stream().map(Asset::name).collect(Collectors.toList());
        String name = selectName(names, platform, toolName, pin);
        return assets.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    /** The same choice on plain names (what the benchmark and the table tests use). */
    public String selectName(List<String> names, Platform platform, String toolName, Optional<String> pin) {
        List<ScoredAsset> rows = score(names, platform, toolName, pin, false);
        List<ScoredAsset> eligible = rows.stream().filter(ScoredAsset::eligible).collect(Collectors.toList());
        if (eligible.isEmpty()) {
            throw new NoMatchingAssetException(pin.map(p -> "no asset matches asset: \"" + p + "\"")
                    .orElse("no asset fits"), platform.toString(), candidates(score(names, platform, toolName, pin, true)));
        }
        if (eligible.size() > 1 && eligible.get(0).score() == eligible.get(1).score()) {
            Optional<String> sameBuild = sameBuildTwice(eligible);
            if (sameBuild.isPresent()) {
                return sameBuild.get();
            }
            throw new NoMatchingAssetException("assets " + eligible.get(0).name() + " and " + eligible.get(1).name()
                    + " fit equally well", platform.toString(), candidates(score(names, platform, toolName, pin, true)));
        }
        return eligible.get(0).name();
    }

    /**
     * Some releases ship each build as both {@code .tar.gz} and {@code .tgz} (micro): the same archive twice is no
     * real tie, so the long spelling is taken.
     */
    private static Optional<String> sameBuildTwice(List<ScoredAsset> eligible) {
        String a = eligible.get(0).name();
        String b = eligible.get(1).name();
        boolean onlyTwo = eligible.size() == 2 || eligible.get(2).score() < eligible.get(0).score();
        if (!onlyTwo || !longSpelling(a).equals(longSpelling(b))) {
            return Optional.empty();
        }
        return Optional.of(longSpelling(a).equals(a) ? a : b);
    }

    private static String longSpelling(String name) {
        String lower = AssetFormat.lower(name);
        for (String[] alias : SHORT_SUFFIXES) {
            if (lower.endsWith(alias[0])) {
                return name.substring(0, name.length() - alias[0].length()) + alias[1];
            }
        }
        return name;
    }

    private static final String[][] SHORT_SUFFIXES = {{".tgz", ".tar.gz"}, {".txz", ".tar.xz"}, {".tbz2", ".tar.bz2"},
        {".tbz", ".tar.bz2"}, {".tzst", ".tar.zst"}};

    /** The whole scoring table, best first, each row with its reasons ({@code pitstop fetch NAME --explain}). */
    public List<ScoredAsset> explain(List<String> names, Platform platform, String toolName, Optional<String> pin) {
        return score(names, platform, toolName, pin, true);
    }

    /** {@link #explain} as aligned text. */
    public String explainTable(List<String> names, Platform platform, String toolName, Optional<String> pin) {
        List<ScoredAsset> rows = explain(names, platform, toolName, pin);
        int width = rows.stream().mapToInt(r -> r.name().length()).max().orElse(5);
        StringBuilder out = new StringBuilder(String.format("%-6s %-" + width + "s  %s%n", "SCORE", "ASSET", "WHY"));
        for (ScoredAsset r : rows) {
            out.append(String.format("%-6s %-" + width + "s  %s%n", r.eligible() ? String.valueOf(r.score()) : "-",
                    r.name(), r.reason()));
        }
        return out.toString();
    }

    private List<ScoredAsset> score(List<String> names, Platform platform, String toolName, Optional<String> pin,
                                    boolean withReasons) {
        boolean anyOs = names.stream().anyMatch(AssetScorer::namesAnOs);
        AssetScorer scorer = new AssetScorer(platform, toolName, anyOs);
        Pattern pattern = pin.map(AssetPattern::compile).orElse(null);
        List<ScoredAsset> rows = new ArrayList<>(names.size());
        for (String name : names) {
            StringBuilder why = withReasons ? new StringBuilder() : null;
            if (pattern != null && !AssetPattern.matches(pattern, pin.get(), name)) {
                rows.add(new ScoredAsset(name, AssetScorer.INELIGIBLE, false, "excluded: does not match asset: pin"));
                continue;
            }
            int score = scorer.score(name, why);
            boolean eligible = score != AssetScorer.INELIGIBLE;
            if (!eligible && pattern != null) {
                // an explicit pin wins over the heuristics
                eligible = true;
                score = 0;
            }
            rows.add(new ScoredAsset(name, score, eligible, why == null ? "" : why.toString()));
        }
        rows.sort(Comparator.comparing(ScoredAsset::eligible).reversed()
                .thenComparing(Comparator.comparingInt(ScoredAsset::score).reversed()));
        return rows;
    }

    private static List<NoMatchingAssetException.Candidate> candidates(List<ScoredAsset> rows) {
        return rows.stream().map(r -> new NoMatchingAssetException.Candidate(r.name(),
                r.eligible() ? r.score() : -1, r.reason())).collect(Collectors.toList());
    }
}
