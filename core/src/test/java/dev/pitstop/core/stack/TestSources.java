package dev.pitstop.core.stack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pitstop.core.Platform;
import dev.pitstop.core.source.FetchRequest;
import dev.pitstop.core.source.FetchedBinary;
import dev.pitstop.core.source.Release;
import dev.pitstop.core.source.Source;
import dev.pitstop.core.source.SourceCapability;
import dev.pitstop.core.source.SourceKinds;
import java.util.Map;
import java.util.Set;

/** Source kinds for reading stack files in tests: they accept any keys and fetch nothing. */
final class TestSources {
    private TestSources() {}

    /** {@code github}, {@code url}, {@code mirror}, {@code git} and a local-file {@code file}. */
    static SourceKinds kinds() {
        return new SourceKinds(Map.of("github", new Stub(Set.of()), "url", new Stub(Set.of()),
                "mirror", new Stub(Set.of(SourceCapability.LOCAL_PATH)), "git", new Stub(Set.of()),
                "file", new Stub(Set.of(SourceCapability.LOCAL_FILE))));
    }

    record Stub(Set<SourceCapability> capabilities) implements Source<ObjectNode> {
        @Override
        public Class<ObjectNode> settingsType() {
            return ObjectNode.class;
        }

        @Override
        public Release resolve(BinarySpec spec, Platform platform) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FetchedBinary fetch(FetchRequest request) {
            throw new UnsupportedOperationException();
        }
    }
}
