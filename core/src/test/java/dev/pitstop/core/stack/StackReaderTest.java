package dev.pitstop.core.stack;

import dev.pitstop.core.process.Signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Good stack files: every key lands in the model, with its default when absent. */
class StackReaderTest {
    @TempDir
    Path dir;

    private Stack read(String yaml) throws IOException {
        return read(yaml, Map.of());
    }

    private Stack read(String yaml, Map<String, String> host) throws IOException {
        Path file = Files.writeString(dir.resolve("pitstop.yaml"), yaml);
        return new StackReader(HostEnvironment.of(host), TestSources.kinds()).read(file);
    }

    @Test
    void appliesProcessComposeDefaults() throws IOException {
        Stack stack = read("""
                processes:
                  web:
                    command: ./web
                """);

        assertThat(stack.file()).isEqualTo(dir.resolve("pitstop.yaml").toAbsolutePath());
        assertThat(stack.shell()).containsExactly("bash", "-c");
        assertThat(stack.orderedShutdown()).isFalse();
        assertThat(stack.strict()).isFalse();
        assertThat(stack.logLocation()).isNull();
        assertThat(stack.binaries()).isEmpty();
        assertThat(stack.warnings()).isEmpty();
        ProcessSpec web = stack.processes().get("web");
        assertThat(web.command()).isEqualTo("./web");
        assertThat(web.entrypoint()).isEmpty();
        assertThat(web.workingDir()).isEqualTo(dir.toAbsolutePath());
        assertThat(web.environment()).containsOnly(entry("PC_PROC_NAME", "web"), entry("PC_REPLICA_NUM", "0"));
        assertThat(web.dependsOn()).isEmpty();
        assertThat(web.readinessProbe()).isNull();
        assertThat(web.livenessProbe()).isNull();
        assertThat(web.readyLogLine()).isNull();
        assertThat(web.availability()).isEqualTo(new Availability(RestartPolicy.NO, Duration.ofSeconds(1), 0));
        assertThat(web.shutdown()).isEqualTo(new ShutdownSpec(null, new Signal(15), Duration.ofSeconds(10), false));
        assertThat(web.logLocation()).isNull();
        assertThat(web.disabled()).isFalse();
        assertThat(web.daemon()).isFalse();
        assertThat(web.successExitCodes()).containsExactly(0);
        assertThat(web.onDependencyReload()).isEqualTo(DependencyReloadPolicy.IGNORE);
        assertThat(web.reloadTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void mapsEveryProcessKey() throws IOException {
        Files.createDirectories(dir.resolve("app"));
        Stack stack = read("""
                version: "0.5"
                log_location: logs/stack.log
                ordered_shutdown: true
                shell:
                  shell_command: sh
                  shell_argument: -ec
                processes:
                  db:
                    entrypoint: ["postgres", "-D", "data"]
                    ready_log_line: "ready to accept connections"
                  web:
                    command: "python3 -m http.server 8080"
                    description: the web server
                    namespace: front
                    working_dir: app
                    log_location: logs/web.log
                    disabled: true
                    is_daemon: true
                    success_exit_codes: [0, 143]
                    on_dependency_reload: restart
                    reload_timeout_seconds: 12.5
                    depends_on:
                      db:
                        condition: process_log_ready
                      migrate:
                        condition: process_completed_successfully
                      cache:
                    readiness_probe:
                      http_get: { host: localhost, scheme: https, path: healthz, port: "8443" }
                      initial_delay_seconds: 2
                      period_seconds: 3
                      timeout_seconds: 4
                      success_threshold: 5
                      failure_threshold: 6
                    liveness_probe:
                      exec: { command: "pgrep python3" }
                    availability:
                      restart: exit_on_failure
                      backoff_seconds: 2.5
                      max_restarts: 7
                    shutdown:
                      command: "kill -TERM $$(cat web.pid)"
                      signal: 2
                      timeout_seconds: 20
                      parent_only: true
                  migrate:
                    command: ./migrate
                    availability: { restart: on_failure }
                  cache:
                    command: ./cache
                    readiness_probe:
                      tcp: { port: 6379 }
                    availability: { restart: always }
                """);

        assertThat(stack.shell()).containsExactly("sh", "-ec");
        assertThat(stack.orderedShutdown()).isTrue();
        assertThat(stack.logLocation()).isEqualTo(dir.resolve("logs/stack.log"));
        assertThat(stack.processes()).containsOnlyKeys("db", "web", "migrate", "cache");
        assertThat(stack.warnings()).isEmpty();

        ProcessSpec db = stack.processes().get("db");
        assertThat(db.command()).isNull();
        assertThat(db.entrypoint()).containsExactly("postgres", "-D", "data");
        assertThat(db.readyLogLine()).isEqualTo("ready to accept connections");

        ProcessSpec web = stack.processes().get("web");
        assertThat(web.workingDir()).isEqualTo(dir.resolve("app"));
        assertThat(web.logLocation()).isEqualTo(dir.resolve("logs/web.log"));
        assertThat(web.disabled()).isTrue();
        assertThat(web.daemon()).isTrue();
        assertThat(web.successExitCodes()).containsExactlyInAnyOrder(0, 143);
        assertThat(web.onDependencyReload()).isEqualTo(DependencyReloadPolicy.RESTART);
        assertThat(web.reloadTimeout()).isEqualTo(Duration.ofMillis(12500));
        assertThat(web.dependsOn()).containsExactly(
                entry("db", DependencyCondition.PROCESS_LOG_READY),
                entry("migrate", DependencyCondition.PROCESS_COMPLETED_SUCCESSFULLY),
                entry("cache", DependencyCondition.PROCESS_STARTED));
        assertThat(web.readinessProbe()).isEqualTo(new ProbeSpec(
                new ProbeSpec.HttpGet("https", "localhost", 8443, "/healthz", Map.of(), 200),
                        Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(4), 5, 6));
        assertThat(web.livenessProbe()).isEqualTo(ProbeSpec.withDefaults(
                new ProbeSpec.Exec("pgrep python3", dir.resolve("app"))));
        assertThat(web.availability()).isEqualTo(new Availability(RestartPolicy.EXIT_ON_FAILURE,
                Duration.ofMillis(2500), 7));
        assertThat(web.shutdown()).isEqualTo(new ShutdownSpec("kill -TERM $(cat web.pid)", new Signal(2),
                Duration.ofSeconds(20), true));

        assertThat(stack.processes().get("migrate").availability().restart()).isEqualTo(RestartPolicy.ON_FAILURE);
        ProcessSpec cache = stack.processes().get("cache");
        assertThat(cache.availability().restart()).isEqualTo(RestartPolicy.ALWAYS);
        assertThat(cache.readinessProbe()).isEqualTo(ProbeSpec.withDefaults(new ProbeSpec.Tcp("127.0.0.1", 6379)));
    }

    @Test
    void httpProbeDefaultsFollowTheScheme() throws IOException {
        Stack stack = read("""
                processes:
                  a:
                    command: ./a
                    readiness_probe:
                      http_get: { headers: { X-Probe: pitstop } }
                  b:
                    command: ./b
                    readiness_probe:
                      http_get: { scheme: https, path: /up }
                      period_seconds: 0
                """);

        assertThat(stack.processes().get("a").readinessProbe().action())
                .isEqualTo(new ProbeSpec.HttpGet("http", "127.0.0.1", 80, "/", Map.of("X-Probe", "pitstop"), 200));
        ProbeSpec b = stack.processes().get("b").readinessProbe();
        assertThat(b.action()).isEqualTo(new ProbeSpec.HttpGet("https", "127.0.0.1", 443, "/up", Map.of(), 200));
        assertThat(b.period()).as("0 means the default, as in Process Compose").isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void mergesEnvironmentFromStackEnvFilesAndProcessInBothForms() throws IOException {
        Files.writeString(dir.resolve("common.env"), """
                # shared
                export SHARED=from-file
                QUOTED="a \\"b\\" c"
                LITERAL='$NOT_EXPANDED'
                OVERRIDDEN=file
                """);
        Files.createDirectories(dir.resolve("env"));
        Files.writeString(dir.resolve("env/web.env"), "WEB_ONLY=1 # comment\n");
        Stack stack = read("""
                environment:
                  - GLOBAL=g
                  - OVERRIDDEN=global
                processes:
                  web:
                    command: ./web
                    env_file: [common.env, env/web.env]
                    environment:
                      OVERRIDDEN: process
                      PORT: 8080
                      EMPTY:
                  job:
                    command: ./job
                    env_file: common.env
                    environment:
                      - "EQUALS=a=b"
                """);

        assertThat(stack.environment()).containsOnly(entry("GLOBAL", "g"), entry("OVERRIDDEN", "global"));
        assertThat(stack.processes().get("web").environment()).contains(
                entry("GLOBAL", "g"), entry("SHARED", "from-file"), entry("QUOTED", "a \"b\" c"),
                entry("LITERAL", "$NOT_EXPANDED"), entry("WEB_ONLY", "1"), entry("OVERRIDDEN", "process"),
                entry("PORT", "8080"), entry("EMPTY", ""));
        assertThat(stack.processes().get("job").environment()).contains(
                entry("OVERRIDDEN", "file"), entry("EQUALS", "a=b")).doesNotContainKey("WEB_ONLY");
    }

    @Test
    void readsPitstopsReadinessNotification() throws IOException {
        Stack stack = read("""
                processes:
                  db:
                    command: ./db
                    ready: notify
                    watchdog_seconds: 2.5
                  cache:
                    command: ./cache
                    ready: notify-fd 3
                  web:
                    command: ./web
                    depends_on: { db: { condition: process_healthy }, cache: { condition: process_healthy } }
                """);

        assertThat(stack.processes().get("db").readyNotification()).isEqualTo(new ReadyNotification.SdNotify(Duration.ofMillis(2500)));
        assertThat(stack.processes().get("cache").readyNotification()).isEqualTo(new ReadyNotification.NotifyFd(3));
        assertThat(stack.processes().get("web").readyNotification()).isNull();
        assertThat(stack.warnings()).isEmpty();
    }

    @Test
    void readsPitstopsBackoffFloorAndResetWindow() throws IOException {
        Stack stack = read("""
                processes:
                  web:
                    command: ./web
                    availability: { restart: always, backoff_seconds: 0, backoff_floor_seconds: 0.02, backoff_reset_seconds: 30 }
                """);

        assertThat(stack.processes().get("web").availability())
                .isEqualTo(new Availability(RestartPolicy.ALWAYS, Duration.ZERO, 0, false, false, false,
                        Duration.ofMillis(20), Duration.ofSeconds(30)));
        assertThat(stack.warnings()).isEmpty();
    }

    @Test
    void expandsHostAndDotEnvVariablesLikeProcessCompose() throws IOException {
        Files.writeString(dir.resolve(".env"), "VERSION=1.2.3\nWAIT_SEC=60\nUSER_NAME=from-dotenv\n");
        Stack stack = read("""
                processes:
                  dl:
                    command: "python3 dl_${VERSION}.py --user $USER_NAME --home ${HOME_DIR}/x --price $$5 --missing '$UNSET' $1"
                    availability:
                      restart: always
                      backoff_seconds: ${WAIT_SEC}
                    environment:
                      - "HOME_COPY=$HOME_DIR"
                      - "LONE=100$"
                """, Map.of("HOME_DIR", "/home/me", "USER_NAME", "from-host"));

        ProcessSpec dl = stack.processes().get("dl");
        assertThat(dl.command()).isEqualTo("python3 dl_1.2.3.py --user $USER_NAME --home /home/me/x --price $5 --missing '$UNSET' $1");
        assertThat(dl.availability().backoff()).isEqualTo(Duration.ofSeconds(60));
        assertThat(dl.environment()).contains(entry("HOME_COPY", "$HOME_DIR"), entry("LONE", "100$"));
    }

    @Test
    void disableEnvExpansionKeepsDollarsButStillResolvesBinaries() throws IOException {
        Stack stack = read("""
                disable_env_expansion: true
                binaries:
                  nats: { github: nats-io/nats-server }
                processes:
                  a:
                    command: "echo $HOME $$ ${X} && ${bin:nats}"
                """, Map.of("HOME", "/home/me"));

        assertThat(stack.processes().get("a").command())
                .isEqualTo("echo $HOME $$ ${X} && " + dir.toAbsolutePath().resolve(".pitstop/bin/nats"));
    }

    @Test
    void expandsReplicasAsProcessComposeNamesThem() throws IOException {
        Stack stack = read("""
                processes:
                  worker:
                    command: "./worker --port 80$${PC_REPLICA_NUM}"
                    replicas: 3
                  shard:
                    command: ./shard
                    replicas: 10
                  client:
                    command: ./client
                    depends_on:
                      worker: { condition: process_started }
                """);

        assertThat(stack.processes()).containsKeys("worker-0", "worker-1", "worker-2", "shard-00", "shard-09", "client")
                .doesNotContainKeys("worker", "shard", "shard-10").hasSize(3 + 10 + 1);
        ProcessSpec second = stack.processes().get("worker-1");
        assertThat(second.command()).isEqualTo("./worker --port 80${PC_REPLICA_NUM}");
        assertThat(second.environment()).contains(entry("PC_REPLICA_NUM", "1"), entry("PC_PROC_NAME", "worker"));
        assertThat(stack.processes().get("shard-07").environment()).containsEntry("PC_REPLICA_NUM", "7");
        assertThat(stack.processes().get("client").dependsOn()).containsOnlyKeys("worker-0", "worker-1", "worker-2");
    }

    @Test
    void readsTheBinariesSection() throws IOException {
        Stack stack = read("""
                binaries:
                  nats:
                    github: nats-io/nats-server
                    version: v2.10.22
                    poll: 1h30m
                    asset: "nats-server-*-linux-amd64.tar.gz"
                  ingest:
                    git: https://example.org/ingest.git
                    ref: main
                    build: go build -o ${out} ./cmd/ingest
                    watch: true
                    poll: 30s
                  tool: { url: "https://example.org/tool-{version}-{os}-{arch}" }
                  mirrored: { mirror: "https://mirror.example.org/tool", poll: 10m }
                  local: { file: ./bin/local, watch: true }
                processes:
                  nats:
                    command: "${bin:nats} -a 127.0.0.1"
                  ingest:
                    entrypoint: ["${bin:ingest}", "--nats", "nats://127.0.0.1:4222"]
                    environment:
                      TOOL: ${bin:tool}
                """);

        Path bin = dir.toAbsolutePath().resolve(".pitstop/bin");
        assertThat(stack.binaries()).containsOnlyKeys("nats", "ingest", "tool", "mirrored", "local");
        BinarySpec nats = stack.binaries().get("nats");
        assertThat(nats.kind()).isEqualTo("github");
        assertThat(nats.location()).isEqualTo("nats-io/nats-server");
        assertThat(nats.version()).isEqualTo("v2.10.22");
        assertThat(nats.poll()).isEqualTo(Duration.ofMinutes(90));
        assertThat(nats.watch()).isFalse();
        assertThat(nats.settings(ObjectNode.class).get("asset").asText()).isEqualTo("nats-server-*-linux-amd64.tar.gz");
        BinarySpec ingest = stack.binaries().get("ingest");
        assertThat(List.of(ingest.kind(), ingest.location(), ingest.version())).containsExactly("git", "https://example.org/ingest.git", "latest");
        assertThat(ingest.watch()).isTrue();
        assertThat(ingest.poll()).isEqualTo(Duration.ofSeconds(30));
        assertThat(ingest.settings(ObjectNode.class).get("build").asText()).as("settings stay as written").isEqualTo("go build -o ${out} ./cmd/ingest");
        assertThat(stack.binaries().get("tool").poll()).isNull();
        assertThat(stack.binaries().get("mirrored").kind()).isEqualTo("mirror");
        assertThat(stack.binaries().get("mirrored").poll()).isEqualTo(Duration.ofMinutes(10));
        assertThat(stack.binaries().get("local").kind()).isEqualTo("file");

        assertThat(stack.processes().get("nats").command()).isEqualTo(bin.resolve("nats") + " -a 127.0.0.1");
        assertThat(stack.processes().get("ingest").entrypoint()).containsExactly(bin.resolve("ingest").toString(), "--nats", "nats://127.0.0.1:4222");
        assertThat(stack.processes().get("ingest").environment()).containsEntry("TOOL", bin.resolve("tool").toString());
    }

    @Test
    void recordsTheBinariesEachProcessNames() throws IOException {
        Stack stack = read("""
                environment: ["GLOBAL=${bin:tool}"]
                binaries:
                  nats: { file: ./nats }
                  nats-exporter: { file: ./nats-exporter }
                  tool: { file: ./tool }
                processes:
                  nats:
                    command: "${bin:nats} -m 8222"
                  exporter:
                    entrypoint: ["${bin:nats-exporter}", "-varz", "http://127.0.0.1:8222"]
                    readiness_probe:
                      exec: { command: "${bin:tool} check" }
                  plain:
                    command: "echo ${bin:nats}-exporter is not a reference to nats-exporter"
                    replicas: 2
                  none:
                    command: "sleep 1"
                """);

        assertThat(stack.processes().get("nats").binaries()).containsExactly("nats");
        assertThat(stack.processes().get("exporter").binaries()).containsExactly("nats-exporter", "tool");
        assertThat(stack.processes().get("plain-0").binaries()).containsExactly("nats");
        assertThat(stack.processes().get("plain-1").binaries()).containsExactly("nats");
        assertThat(stack.processes().get("none").binaries()).isEmpty();
    }

    @Test
    void readsAPreflightWithTheBinariesItNames() throws IOException {
        Stack stack = read("""
                binaries:
                  nats: { file: ./nats }
                processes:
                  nats:
                    command: "exec sleep 1"
                    preflight: "${bin:nats} --version"
                  plain:
                    command: "exec sleep 1"
                """);

        Path bin = dir.toAbsolutePath().resolve(".pitstop/bin");
        assertThat(stack.processes().get("nats").preflight()).isEqualTo(bin.resolve("nats") + " --version");
        assertThat(stack.processes().get("nats").binaries()).containsExactly("nats");
        assertThat(stack.processes().get("plain").preflight()).isNull();
    }

    @Test
    void resolvesAnchorsAndMergeKeys() throws IOException {
        Stack stack = read("""
                x-defaults: &defaults
                  availability: { restart: on_failure, backoff_seconds: 3 }
                  environment: [MODE=dev]
                processes:
                  a:
                    <<: *defaults
                    command: ./a
                  b:
                    <<: *defaults
                    command: ./b
                    environment: [MODE=prod]
                """);

        assertThat(stack.warnings()).isEmpty();
        assertThat(stack.processes().get("a").availability()).isEqualTo(new Availability(RestartPolicy.ON_FAILURE,
                Duration.ofSeconds(3), 0));
        assertThat(stack.processes().get("a").environment()).containsEntry("MODE", "dev");
        assertThat(stack.processes().get("b").environment()).containsEntry("MODE", "prod");
    }

    @Test
    void unknownAndUnsupportedKeysAreWarningsWithFileAndLine() throws IOException {
        Stack stack = read("""
                log_level: debug
                colour: blue
                processes:
                  web:
                    command: ./web
                    is_tty: true
                    comand_args: --port 80
                    x-team: platform
                    availability:
                      restart: always
                      exit_on_end: true
                    monitor_for: activity
                """);

        String file = dir.resolve("pitstop.yaml").toAbsolutePath().toString();
        assertThat(stack.warnings()).containsExactly(
                file + ":1:1: log_level: a setting of Process Compose itself (its own log, terminal UI or internal state), no effect in Pitstop",
                file + ":2:1: colour: unknown key, ignored",
                file + ":6:5: processes.web.is_tty: not supported by Pitstop, ignored",
                file + ":7:5: processes.web.comand_args: unknown key, ignored",
                file + ":12:5: processes.web.monitor_for: a setting of Process Compose itself (its own log, terminal UI "
                        + "or internal state), no effect in Pitstop");
    }

    @Test
    void logConfigurationIsReadKeyByKeyAndWarnsOnlyAboutWhatDiffers() throws IOException {
        Stack stack = read("""
                log_configuration:
                  flush_each_line: true
                processes:
                  web:
                    command: ./web
                    log_location: ./web.log
                    log_configuration:
                      disable_json: true
                      no_color: true
                      rotation: { max_size_mb: 5 }
                      add_timestamp: true
                  api:
                    command: ./api
                    log_configuration: { disable_json: false }
                """);
        String file = dir.resolve("pitstop.yaml").toAbsolutePath().toString();
        assertThat(stack.warnings()).containsExactly(
                file + ":10:7: processes.web.log_configuration.rotation: not supported by Pitstop, ignored",
                file + ":11:7: processes.web.log_configuration.add_timestamp: not supported by Pitstop, ignored",
                file + ":14:26: processes.api.log_configuration.disable_json: Process Compose writes JSON lines here; "
                        + "Pitstop writes plain lines (as with disable_json: true)");
        assertThatThrownBy(() -> read("log_configuration: yes\nprocesses: {}\n"))
                .isInstanceOf(StackFileException.class).hasMessageContaining("log_configuration is a map");
    }

    @Test
    void envCommandsGoToTheProcessesWhoseOwnVariablesDoNotSetThem() throws IOException {
        Files.writeString(dir.resolve("web.env"), "TOKEN=from-file\n");
        Stack stack = read("""
                environment: [ "REGION=eu" ]
                env_cmds:
                  REGION: "echo us"
                  TOKEN: "cat token"
                processes:
                  web:
                    command: ./web
                    env_file: web.env
                  api:
                    command: ./api
                    environment: [ "REGION=local" ]
                """);
        assertThat(stack.envCommands()).containsOnlyKeys("REGION", "TOKEN");
        assertThat(stack.processes().get("web").envCommandKeys()).containsExactly("REGION");
        assertThat(stack.processes().get("api").envCommandKeys()).containsExactly("TOKEN");
        assertThat(stack.processes().get("web").environment()).containsEntry("REGION", "eu");
    }

    @Test
    void aForegroundProcessIsDeferredAsProcessComposeDefersIt() throws IOException {
        Stack stack = read("""
                processes:
                  shell:
                    command: bash
                    is_foreground: true
                  web:
                    command: ./web
                    is_foreground: false
                """);
        assertThat(stack.processes().get("shell").disabled()).isTrue();
        assertThat(stack.processes().get("web").disabled()).isFalse();
        assertThat(stack.warnings()).singleElement().asString()
                .endsWith("processes.shell.is_foreground: Process Compose starts it only from its terminal UI; as "
                        + "there, it is not started with the stack (pitstop start shell runs it, without a terminal)");
    }

    @Test
    void terminalUiKeysAreCheckedAsProcessComposeChecksThem() throws IOException {
        Stack stack = read("""
                processes:
                  web:
                    command: ./web
                    disable_ansi_colors: true
                    monitor_for: silence
                    monitor_silence_threshold: 30s
                """);
        assertThat(stack.processes()).containsKey("web");
        assertThatThrownBy(() -> read("processes:\n  web:\n    command: ./web\n    monitor_for: loud\n"))
                .isInstanceOf(StackFileException.class)
                .hasMessageContaining("invalid monitor_for value: \"loud\" (none, activity or silence)");
        assertThatThrownBy(() -> read("processes:\n  web:\n    command: ./web\n    disable_ansi_colors: maybe\n"))
                .isInstanceOf(StackFileException.class);
        assertThatThrownBy(() -> read("processes:\n  web:\n    command: ./web\n    monitor_silence_threshold: soon\n"))
                .isInstanceOf(StackFileException.class).hasMessageContaining("expected a duration");
    }

    @Test
    void strictStillOnlyWarnsAboutKeysProcessComposeKnows() throws IOException {
        Stack stack = read("""
                is_strict: true
                is_tui_disabled: true
                processes:
                  web:
                    command: ./web
                    is_tty: true
                """);

        assertThat(stack.strict()).isTrue();
        assertThat(stack.warnings()).hasSize(2).anySatisfy(w -> assertThat(w).endsWith("is_tty: not supported by Pitstop, ignored"))
                .anySatisfy(w -> assertThat(w).endsWith("is_tui_disabled: a setting of Process Compose itself (its own log, "
                        + "terminal UI or internal state), no effect in Pitstop"));
    }

    @Test
    void yaml11WordsReadAsProcessComposeReadsThem() throws IOException {
        Stack stack = read("""
                ordered_shutdown: yes
                processes:
                  web:
                    command: ./web
                    disabled: On
                    availability:
                      restart: no
                    shutdown:
                      parent_only: off
                """);

        assertThat(stack.orderedShutdown()).isTrue();
        ProcessSpec web = stack.processes().get("web");
        assertThat(web.disabled()).isTrue();
        assertThat(web.availability().restart()).isEqualTo(RestartPolicy.NO);
        assertThat(web.shutdown().parentOnly()).isFalse();
    }

    @Test
    void emptyValuesCountAsAbsent() throws IOException {
        Stack stack = read("""
                environment:
                processes:
                  web:
                    command: ./web
                    availability:
                    shutdown:
                    log_location:
                """);

        ProcessSpec web = stack.processes().get("web");
        assertThat(web.availability()).isEqualTo(Availability.DEFAULT);
        assertThat(web.shutdown()).isEqualTo(ShutdownSpec.DEFAULT);
        assertThat(web.logLocation()).isNull();
        assertThat(Set.copyOf(stack.processes().keySet())).containsExactly("web");
    }
}
