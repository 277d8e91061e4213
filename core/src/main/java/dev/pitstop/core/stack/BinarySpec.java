package dev.pitstop.core.stack;

import dev.pitstop.core.source.NoSettings;
import dev.pitstop.core.source.SourceCapability;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of the Pitstop-only {@code binaries:} section.
 *
 * @param kind the source kind, the key under which a {@code Source} is bound ({@code github}, {@code file}, …)
 * @param location the value of that key: {@code OWNER/REPO}, a URL template, a path, a git URL
 * @param version {@code latest} or a tag / version
 * @param watch whether a running stack swaps the binary in when the file at its path changes
 * @param poll how often a running stack checks upstream, or {@code null} for never
 * @param pollApply what a running stack does with what {@code poll} finds
 * @param trust the evidence keys shared by every source
 * @param capabilities what the kind's source declared ({@code Source#capabilities()}) when the file was read
 * @param settings the source's own keys, read into its {@code Source#settingsType()}
 */
public record BinarySpec(String name, String kind, String location, String version, boolean watch, Duration poll,
                         TrustSettings trust, Set<SourceCapability> capabilities, Object settings,
                         PollApply pollApply) {
    public BinarySpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        version = version == null ? "latest" : version;
        trust = trust == null ? TrustSettings.NONE : trust;
        capabilities = Set.copyOf(capabilities);
        settings = settings == null ? new NoSettings() : settings;
        pollApply = pollApply == null ? PollApply.SWAP : pollApply;
    }

    /** A spec with defaults: {@code latest}, no watch, no poll, no trust keys, no capabilities, no settings. */
    public static BinarySpec of(String name, String kind, String location) {
        return new BinarySpec(name, kind, location, "latest", false, null, TrustSettings.NONE, Set.of(), null,
                PollApply.SWAP);
    }

    /** The source's settings as {@code type}; a source asking for another type than it declared is a bug. */
    public <S> S settings(Class<S> type) {
        if (!type.isInstance(settings)) {
            throw new IllegalStateException("binary " + name + ": settings are " + settings.getClass().getName()
                    + ", not " + type.getName());
        }
        return type.cast(settings);
    }

    public boolean has(SourceCapability capability) {
        return capabilities.contains(capability)
                || capability == SourceCapability.LOCAL_PATH && capabilities.contains(SourceCapability.LOCAL_FILE);
    }

    public BinarySpec withLocation(String newLocation) {
        return new BinarySpec(name, kind, newLocation, version, watch, poll, trust, capabilities, settings, pollApply);
    }

    public BinarySpec withVersion(String newVersion) {
        return new BinarySpec(name, kind, location, newVersion, watch, poll, trust, capabilities, settings, pollApply);
    }

    public BinarySpec withTrust(TrustSettings newTrust) {
        return new BinarySpec(name, kind, location, version, watch, poll, newTrust, capabilities, settings, pollApply);
    }

    public BinarySpec withSettings(Object newSettings) {
        return new BinarySpec(name, kind, location, version, watch, poll, trust, capabilities, newSettings, pollApply);
    }

    public BinarySpec withPoll(Duration every, PollApply apply) {
        return new BinarySpec(name, kind, location, version, watch, every, trust, capabilities, settings, apply);
    }

    public BinarySpec withCapabilities(Set<SourceCapability> newCapabilities) {
        return new BinarySpec(name, kind, location, version, watch, poll, trust, newCapabilities, settings, pollApply);
    }
}
