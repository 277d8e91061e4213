package dev.pitstop.core.trust;

import dev.pitstop.core.stack.BinarySpec;
import java.nio.file.Path;
import java.util.List;

/**
 * Applies a binary's trust policy (the {@code checksum:}, {@code signature:}, {@code public_key:} and
 * {@code cosign_key:} keys of its {@code binaries:} entry) to a fetched artifact. The engine calls it after a
 * source fetched and before anything is stored; the signing module implements it.
 */
public interface ArtifactVerifier {

    /**
     * @param stackDir the stack file's folder, against which relative key paths are resolved
     * @return the evidence to record in the manifest; at least one entry ({@code none} when nothing was
     *         published and nothing required)
     * @throws dev.pitstop.core.PitstopException (a subclass) with a one-line reason naming the binary when a
     *         digest or signature does not match or the policy demands evidence that was not published
     */
    List<Evidence> verify(BinarySpec spec, Path stackDir, PublishedArtifact artifact);
}
