package dev.pitstop.core.store;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a version left the {@code current} or {@code candidate} slot; written in lower case in the manifest. */
public enum Outcome {
    /** A newer version was swapped in successfully. */
    @JsonProperty("replaced") REPLACED,
    /** The user (or the engine) went back to an earlier version. */
    @JsonProperty("rolled-back") ROLLED_BACK,
    /** It failed to become ready as a candidate; never swapped in again unless forced. */
    @JsonProperty("bad") BAD
}
