package dev.pitstop.core.source;

import java.util.List;
import java.util.stream.Collectors;

/** No asset fits the platform, or two fit equally well; carries the scored candidates and how to pin one. */
public class NoMatchingAssetException extends FetchException {
    private static final long serialVersionUID = 1L;
    private final List<Candidate> candidates;

    /** One asset and its score; {@code reason} says why it was ruled out or how the score was made. */
    public record Candidate(String name, int score, String reason) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }

    public NoMatchingAssetException(String what, String platform, List<Candidate> candidates) {
        super(what + " for " + platform + "; candidates: "
                + candidates.stream().limit(8).map(c -> c.name() + " (" + c.score() + ")")
                        .collect(Collectors.joining(", "))
                + (candidates.isEmpty() ? "none" : "")
                + "; pin one with asset: \"<name or glob>\" or asset: \"/regex/\"");
        this.candidates = List.copyOf(candidates);
    }

    public List<Candidate> candidates() {
        return candidates;
    }
}
