package dev.pitstop.core;

import com.google.inject.Module;

/**
 * A Guice module of a Pitstop artifact that {@link Pitstop#open} installs when the artifact is on the class path.
 * Each artifact lists its one in {@code META-INF/services/dev.pitstop.core.PitstopModule}; modules of other
 * libraries (plain {@code com.google.inject.Module} services) are never picked up.
 */
public interface PitstopModule extends Module {}
