package dev.pitstop.fetchers.pipeline;

import dev.pitstop.core.trust.Digest;
import dev.pitstop.core.trust.Evidence;

/** A digest the download must have, and the evidence it comes from. */
record Expected(Digest digest, Evidence evidence) {}
