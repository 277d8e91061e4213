package probe;

import dev.pitstop.control.ControlServer;
import dev.pitstop.testkit.FakeEngine;
import java.nio.file.Path;
import java.time.Duration;

/** The real control server over a fake engine; with "jetty", a Jetty 12 server on a second socket as well. */
public final class Combined {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        FakeEngine engine = new FakeEngine();
        if (args[1].equals("jetty")) {
            Thread jetty = new Thread(() -> {
                try {
                    JettyUds.main(new String[] {dir.resolve(".pitstop/jetty.sock").toString()});
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            jetty.setDaemon(true);
            jetty.start();
        }
        try (ControlServer server = new ControlServer(engine, dir.resolve(".pitstop"))) {
            server.start();
            while (!engine.awaitDown(Duration.ofMinutes(1))) {
                // until killed
            }
        }
    }
}
