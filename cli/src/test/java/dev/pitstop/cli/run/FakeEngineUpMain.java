package dev.pitstop.cli.run;

import com.google.inject.Module;
import dev.pitstop.testkit.FakeEngine;
import dev.pitstop.core.EngineFactory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code pitstop up} with the fake engine bound, as a process of its own, for signal tests. */
public final class FakeEngineUpMain {
    private FakeEngineUpMain() {}

    public static void main(String[] args) throws InterruptedException {
        Path file = Path.of(args[0]).toAbsolutePath();
        Module fake = binder -> binder.bind(EngineFactory.class).toInstance(f -> new FakeEngine(file.getParent()));
        PrintWriter out = new PrintWriter(System.out, true);
        System.exit(new ForegroundStack(file, List.of(fake)).run(out));
    }
}
