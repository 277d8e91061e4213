package dev.pitstop.cli.ui;

import dev.pitstop.control.ControlApi;
import dev.pitstop.ui.Dashboard;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;

/**
 * Where {@code pitstop ui} and {@code pitstop up --ui} serve the dashboard, and whether to open a browser.
 *
 * @param host the address to listen on (loopback unless the user names another)
 * @param port 0 for a free one
 * @param reportDir the folder of drill reports to list
 */
public record DashboardSettings(String host, int port, boolean open, Path reportDir) {
    /** Starts the dashboard over {@code api}, prints its URL (with the token) and opens it if asked. */
    public Dashboard start(ControlApi api, PrintWriter out) {
        Dashboard dashboard = Dashboard.builder(api).host(host).port(port).reportDir(reportDir).build();
        URI url = dashboard.start();
        out.println("dashboard: " + url);
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) {
            out.println("warning: the dashboard listens on " + host + ", not only on this machine; anyone with the "
                    + "URL above can control the stack");
        }
        if (open) {
            new Browser().open(url, out);
        }
        out.flush();
        return dashboard;
    }
}
