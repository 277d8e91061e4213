package dev.pitstop.cli.help;

import dev.pitstop.cli.Main;
import dev.pitstop.cli.self.ReleaseFile;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.IVersionProvider;

/**
 * The version {@code pitstop --version} prints: that of the installed release ({@code PITSTOP_VERSION} in the
 * {@code release} file at the root its launcher names with {@code -Dpitstop.root}), else the CLI jar's
 * {@code Implementation-Version}. Read only when asked, not on every start.
 */
public final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"pitstop " + current()};
    }

    public static String current() {
        return release().orElseGet(() -> Optional.ofNullable(Main.class.getPackage().getImplementationVersion())
                .orElse("unknown"));
    }

    /** The installed release's version, when running from a release archive. */
    public static Optional<String> release() {
        String root = System.getProperty("pitstop.root");
        if (root == null) {
            return Optional.empty();
        }
        return ReleaseFile.field(Path.of(root), "PITSTOP_VERSION");
    }
}
