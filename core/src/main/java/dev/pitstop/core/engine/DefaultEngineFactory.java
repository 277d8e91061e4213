package dev.pitstop.core.engine;

import dev.pitstop.core.Engine;
import dev.pitstop.core.EngineFactory;
import dev.pitstop.core.PitstopHome;
import dev.pitstop.core.Platform;
import dev.pitstop.core.process.Supervisor;
import dev.pitstop.core.stack.Stack;
import dev.pitstop.core.stack.StackReader;
import dev.pitstop.core.stack.StackSelection;
import dev.pitstop.core.store.BinLinks;
import dev.pitstop.core.store.BinaryStore;
import dev.pitstop.core.store.ManifestStore;
import dev.pitstop.core.store.StackInspector;
import dev.pitstop.core.trust.PlatformTrust;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.nio.file.Path;
import java.util.List;
import java.time.Clock;

/** Reads and validates the stack file, then gives the engine a supervisor of its own. */
public final class DefaultEngineFactory implements EngineFactory {
    private final StackReader reader;
    private final Provider<Supervisor> supervisors;
    private final BinaryStore store;
    private final ManifestStore manifests;
    private final BinLinks links;
    private final StackInspector inspector;
    private final PlatformTrust trust;
    private final PitstopHome home;
    private final Platform host;
    private final WatchSettings watchSettings;
    private final BinaryFetcher.Factory fetchers;
    private final ShutdownHook shutdownHook;
    private final StoreIntegrity integrity;

    @Inject
    public DefaultEngineFactory(StackReader reader, Provider<Supervisor> supervisors, BinaryStore store,
                                ManifestStore manifests, BinLinks links, StackInspector inspector, PlatformTrust trust,
                                PitstopHome home, Platform host, WatchSettings watchSettings,
                                BinaryFetcher.Factory fetchers, ShutdownHook shutdownHook,
                                StoreIntegrity integrity) {
        this.reader = reader;
        this.supervisors = supervisors;
        this.store = store;
        this.manifests = manifests;
        this.links = links;
        this.inspector = inspector;
        this.trust = trust;
        this.home = home;
        this.host = host;
        this.watchSettings = watchSettings;
        this.fetchers = fetchers;
        this.shutdownHook = shutdownHook;
        this.integrity = integrity;
    }

    @Override
    public Engine open(Path stackFile) {
        return open(List.of(stackFile));
    }

    @Override
    public Engine open(List<Path> stackFiles) {
        return open(stackFiles, StackSelection.ALL);
    }

    @Override
    public Engine open(List<Path> stackFiles, StackSelection selection) {
        Stack stack = selection.apply(reader.read(stackFiles));
        BinaryInstaller installer = new BinaryInstaller(store, manifests, links, trust,
                home.cache().resolve("staging"), host, Clock.systemUTC(), integrity.digests());
        return new DefaultEngine(files -> selection.apply(reader.read(files)), supervisors.get(), installer,
                inspector, integrity, stack, watchSettings,
                fetchers, shutdownHook);
    }
}
