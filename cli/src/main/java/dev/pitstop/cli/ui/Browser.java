package dev.pitstop.cli.ui;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Opens a URL in the user's browser with the desktop's own opener ({@code xdg-open}, macOS {@code open}). */
final class Browser {
    private static final List<Path> OPENERS = List.of(Path.of("/usr/bin/xdg-open"), Path.of("/usr/bin/open"));

    void open(URI url, PrintWriter out) {
        for (Path opener : OPENERS) {
            if (Files.isExecutable(opener)) {
                try {
                    Process p = new ProcessBuilder(opener.toString(), url.toString())
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                    p.onExit(); // reaped when it exits; an opener hands the URL to the browser and returns
                    return;
                } catch (IOException e) {
                    out.println("cannot open a browser (" + e.getMessage() + "); open the URL above");
                    return;
                }
            }
        }
        out.println("no browser opener found (xdg-open, open); open the URL above");
    }
}
