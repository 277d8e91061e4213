package dev.pitstop.cli.command;

import dev.pitstop.cli.ui.DashboardSettings;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The dashboard's options, shared by {@code pitstop ui} and {@code pitstop up --ui}. */
final class DashboardOptions {
    private final OptionSpec host;
    private final OptionSpec port;
    private final OptionSpec open;
    private final OptionSpec reports;

    DashboardOptions(CommandSpec spec, String hostName, String portName) {
        this.host = Specs.defaulted(spec, String.class, "ADDR", "127.0.0.1", "The address the dashboard listens on "
                + "(default: ${DEFAULT-VALUE}, this machine only). Any other is reachable from the network.", hostName);
        this.port = Specs.defaulted(spec, int.class, "PORT", "0", "The dashboard's port (default: a free one).",
                portName);
        this.open = Specs.flag(spec, "Open the dashboard in the browser.", "--open");
        this.reports = Specs.option(spec, Path.class, "DIR", "The folder of drill reports the dashboard lists "
                + "(default: .pitstop/drill).", "--reports");
    }

    /** @param workDir what a relative {@code --reports} is relative to */
    DashboardSettings settings(Path stateDir, Path workDir) {
        Path dir = reports.getValue();
        return new DashboardSettings(host.getValue(), port.<Integer>getValue(), Specs.isSet(open),
                dir != null ? workDir.resolve(dir).toAbsolutePath() : UiCommand.defaultReports(stateDir));
    }
}
