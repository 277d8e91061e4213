package dev.pitstop.core.engine;

import dev.pitstop.core.PitstopException;
import dev.pitstop.core.stack.BinarySpec;
import dev.pitstop.core.trust.Evidence;
import java.util.List;
import java.util.Locale;

/**
 * The {@code checksum:} key of a binary: {@code required} refuses a fetched binary that no published digest
 * vouched for; {@code if-published} (the default) and {@code off} accept it (a published digest that does not
 * match is refused by the source in every case). Any other value (an inline digest, a checksum URL for the
 * {@code url} source) names the checksum to use, so it is required too.
 */
record ChecksumPolicy(boolean required) {

    static ChecksumPolicy of(BinarySpec spec) {
        String value = spec.settings().path("checksum").asText("if-published").toLowerCase(Locale.ROOT);
        return new ChecksumPolicy(!"if-published".equals(value) && !"off".equals(value));
    }

    void check(String name, List<Evidence> evidence) {
        boolean verified = evidence.stream().anyMatch(e -> !"none".equals(e.kind()));
        if (required && !verified) {
            throw new PitstopException(name + ": checksum: required, but no checksum was published for it; "
                    + "nothing was replaced (set checksum: if-published to accept it unverified)");
        }
    }
}
