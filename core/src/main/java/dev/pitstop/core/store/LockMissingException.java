package dev.pitstop.core.store;

import dev.pitstop.core.PitstopException;
import dev.pitstop.core.Platform;
import java.util.Set;
import java.util.TreeSet;

/** A locked fetch ({@code --locked}) of a binary the lock does not pin for this machine's platform. */
public class LockMissingException extends PitstopException {
    private static final long serialVersionUID = 1L;
    private final String binary;
    private final String platform;

    public LockMissingException(String binary, Platform platform, Set<String> locked) {
        super(binary + ": " + ManifestStore.FILE_NAME + " has no lock for " + LockedArtifact.key(platform)
                + (locked.isEmpty() ? " (nothing locked)" : " (locked: " + String.join(", ", new TreeSet<>(locked)) + ")")
                + "; run pitstop lock --platform " + LockedArtifact.key(platform) + " and commit the lock file");
        this.binary = binary;
        this.platform = LockedArtifact.key(platform);
    }

    public String binary() {
        return binary;
    }

    public String platform() {
        return platform;
    }
}
