package dev.pitstop.cli.command;

import dev.pitstop.cli.help.Version;
import dev.pitstop.control.pc.PcApiSettings;
import dev.pitstop.core.PitstopException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code up}'s options for the Process Compose-compatible REST API, with Process Compose's names and environment
 * variables. Off unless asked for ({@code --pc-api}, {@code -p}, or {@code PC_PORT_NUM}); on 127.0.0.1 unless an
 * address is named; {@code --no-server} / {@code PC_NO_SERVER} win, as in Process Compose.
 */
final class PcApiOptions {
    static final String DEFAULT_HOST = "127.0.0.1";
    /** Process Compose's default port. */
    static final int DEFAULT_PORT = 8080;

    private final OptionSpec pcApi;
    private final OptionSpec port;
    private final OptionSpec address;
    private final OptionSpec tokenFile;
    private final OptionSpec noServer;

    PcApiOptions(CommandSpec spec) {
        pcApi = OptionSpec.builder("--pc-api").type(String.class).arity("0..1").fallbackValue("")
                .paramLabel("[ADDR:]PORT")
                .description("Serve Process Compose's REST API too (its routes and JSON, for the process-compose "
                        + "client and scripts), on 127.0.0.1:8080 unless given. Also turned on by -p or PC_PORT_NUM.")
                .build();
        spec.addOption(pcApi);
        port = Specs.option(spec, Integer.class, "PORT", "The Process Compose API's port, as Process Compose's -p "
                + "(env: PC_PORT_NUM); turns the API on.", "-p", "--port");
        address = Specs.option(spec, String.class, "ADDR", "The Process Compose API's address (env: PC_ADDRESS; "
                + "default 127.0.0.1). Any other than loopback is reachable from the network.", "--address");
        tokenFile = Specs.option(spec, Path.class, "FILE", "A file holding the token the Process Compose API asks "
                + "for in X-PC-Token-Key (env: PC_API_TOKEN, PC_API_TOKEN_PATH).", "--token-file");
        noServer = Specs.flag(spec, "No Process Compose API, whatever else says so (env: PC_NO_SERVER).",
                "--no-server");
    }

    /** The settings, or empty when the API is off. */
    Optional<PcApiSettings> settings(Map<String, String> env, Path workDir) {
        String given = pcApi.getValue();
        Integer portGiven = port.getValue();
        boolean wanted = given != null || portGiven != null || env.containsKey("PC_PORT_NUM");
        if (!wanted || Specs.isSet(noServer) || env.containsKey("PC_NO_SERVER")) {
            return Optional.empty();
        }
        String host = firstOf(address.getValue(), env.get("PC_ADDRESS"), DEFAULT_HOST);
        int number = portGiven != null ? portGiven : env.containsKey("PC_PORT_NUM")
                ? parsePort(env.get("PC_PORT_NUM"), "PC_PORT_NUM") : DEFAULT_PORT;
        if (given != null && !given.isEmpty()) {
            int colon = given.lastIndexOf(':');
            if (colon > 0) {
                host = given.substring(0, colon);
            }
            number = parsePort(given.substring(colon + 1), "--pc-api");
        }
        return Optional.of(new PcApiSettings(new InetSocketAddress(host, number), token(env, workDir),
                Version.current()));
    }

    /** The arguments that give a detached {@code up} the same settings. */
    List<String> args() {
        List<String> args = new ArrayList<>();
        if (pcApi.getValue() != null) {
            args.add(((String) pcApi.getValue()).isEmpty() ? "--pc-api" : "--pc-api=" + pcApi.getValue());
        }
        if (port.getValue() != null) {
            args.add("--port=" + port.getValue());
        }
        if (address.getValue() != null) {
            args.add("--address=" + address.getValue());
        }
        if (tokenFile.getValue() != null) {
            args.add("--token-file=" + tokenFile.getValue());
        }
        if (Specs.isSet(noServer)) {
            args.add("--no-server");
        }
        return args;
    }

    /** As Process Compose: {@code PC_API_TOKEN}, else the file's content, trimmed. An unreadable file is an error. */
    private Optional<String> token(Map<String, String> env, Path workDir) {
        String value = env.get("PC_API_TOKEN");
        if (value != null && !value.isEmpty()) {
            return Optional.of(value);
        }
        Path file = tokenFile.getValue();
        String path = file != null ? file.toString() : env.get("PC_API_TOKEN_PATH");
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(workDir.resolve(path), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new PitstopException("cannot read the API token file " + workDir.resolve(path) + ": " + e);
        }
    }

    private static int parsePort(String text, String from) {
        try {
            int number = Integer.parseInt(text.strip());
            if (number < 0 || number > 65535) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new PitstopException(from + ": '" + text + "' is not a port number (0-65535)");
        }
    }

    private static String firstOf(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        throw new IllegalArgumentException("no value");
    }
}
