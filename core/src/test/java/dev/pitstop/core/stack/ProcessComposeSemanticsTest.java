package dev.pitstop.core.stack;

import java.time.Duration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader's Process Compose behaviours: templates, several files, extends, replicas, environment. */
class ProcessComposeSemanticsTest {
    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
        return file;
    }

    private Stack read(Map<String, String> host, Path... files) {
        return new StackReader(HostEnvironment.of(host), TestSources.kinds()).read(List.of(files));
    }

    @Test
    void varsRenderPerReplicaInCommandsProbesPortsAndLogs() throws IOException {
        Path f = write("pc.yaml", """
                vars: { BASE: 404, HOST: 127.0.0.1 }
                processes:
                  server:
                    replicas: 2
                    vars: { LOG: "./server" }
                    command: "python3 -m http.server {{.BASE}}{{.PC_REPLICA_NUM}}"
                    log_location: "{{.LOG}}-{PC_REPLICA_NUM}.log"
                    environment: [ "PORT={{.BASE}}{{.PC_REPLICA_NUM}}" ]
                    readiness_probe:
                      http_get: { host: "{{.HOST}}", port: "{{.BASE}}{{.PC_REPLICA_NUM}}" }
                  raw:
                    command: "curl -d '{{\\"k\\":1}}' localhost"
                    is_template_disabled: true
                """);
        Stack stack = read(Map.of(), f);

        ProcessSpec second = stack.processes().get("server-1");
        assertThat(second.command()).isEqualTo("python3 -m http.server 4041");
        assertThat(second.logLocation()).isEqualTo(dir.resolve("server-1.log"));
        assertThat(second.environment()).containsEntry("PORT", "4041");
        assertThat(((ProbeSpec.HttpGet) second.readinessProbe().action()).port()).isEqualTo(4041);
        assertThat(stack.processes().get("server-0").command()).endsWith(" 4040");
        assertThat(stack.processes().get("raw").command()).isEqualTo("curl -d '{{\"k\":1}}' localhost");
    }

    @Test
    void aTemplateErrorNamesTheValue() throws IOException {
        Path f = write("pc.yaml", """
                processes:
                  probe:
                    command: "docker inspect -f '{{.State.Running}}' x"
                """);
        assertThatThrownBy(() -> read(Map.of(), f)).isInstanceOf(StackFileException.class)
                .hasMessageStartingWith(f + ":3:14: processes.probe.command: template: nil pointer evaluating .State.Running");
    }

    @Test
    void laterFilesOverrideEarlierOnesWithProcessComposesMergeRules() throws IOException {
        Path base = write("process-compose.yaml", """
                environment: [ "G=base" ]
                processes:
                  web:
                    command: "npm start"
                    environment: [ "A=3", "C=8" ]
                    disabled: true
                    availability: { restart: always, backoff_seconds: 2 }
                    depends_on: { db: { condition: process_started } }
                  db:
                    command: "pg_ctl start"
                """);
        Path override = write("process-compose.prod.yaml", """
                processes:
                  web:
                    environment: [ "A=4", "B=5" ]
                    disabled: false
                    availability: { restart: "no", max_restarts: 3 }
                  cache:
                    command: "redis-server"
                """);
        Stack stack = read(Map.of(), base, override);

        ProcessSpec web = stack.processes().get("web");
        assertThat(web.environment()).contains(entry("A", "4"), entry("B", "5"), entry("C", "8"), entry("G", "base"));
        assertThat(web.disabled()).as("disabled: false does not override (Go zero value)").isTrue();
        assertThat(web.availability()).isEqualTo(new Availability(RestartPolicy.ALWAYS, Duration.ofSeconds(2), 3));
        assertThat(stack.processes()).containsKeys("db", "cache");
        assertThat(stack.files()).containsExactly(base, override);
    }

    @Test
    void isDisabledReEnablesInAnOverride() throws IOException {
        Path base = write("a.yaml", "processes:\n  p:\n    command: x\n    disabled: true\n");
        Path over = write("b.yaml", "processes:\n  p:\n    is_disabled: \"false\"\n");
        assertThat(read(Map.of(), base, over).processes().get("p").disabled()).isFalse();
    }

    @Test
    void topLevelExtendsLoadsTheBaseFirstAndKeepsItsFolder() throws IOException {
        write("base/process-compose.yaml", """
                processes:
                  db: { command: "./db.sh" }
                  tool: { command: "./t", working_dir: "bin" }
                """);
        Path prod = write("prod/process-compose.prod.yaml", """
                extends: "../base/process-compose.yaml"
                processes:
                  server: { command: "./server.sh", depends_on: { db: {} } }
                """);
        Stack stack = read(Map.of(), prod);

        assertThat(stack.processes()).containsOnlyKeys("db", "tool", "server");
        assertThat(stack.processes().get("db").workingDir()).isEqualTo(dir.resolve("base"));
        assertThat(stack.processes().get("tool").workingDir()).isEqualTo(dir.resolve("base/bin"));
        assertThat(stack.processes().get("server").workingDir()).isEqualTo(dir.resolve("prod"));
        assertThat(stack.directory()).isEqualTo(dir.resolve("prod"));
    }

    @Test
    void processExtendsInheritsAndOverrides() throws IOException {
        Path f = write("pc.yaml", """
                processes:
                  base:
                    command: "echo base"
                    environment: [ "FOO=bar", "SHARED=1" ]
                    availability: { restart: always }
                  worker:
                    extends: base
                    environment: [ "FOO=override", "EXTRA=2" ]
                  loop1: { command: x, extends: loop2 }
                  loop2: { command: x, extends: loop1 }
                """);
        assertThatThrownBy(() -> read(Map.of(), f)).hasMessageContaining("circular extends: loop1 -> loop2 -> loop1");

        Files.writeString(f, Files.readString(f).replace("extends: loop2", "extends: base").replace("extends: loop1", "extends: base"));
        ProcessSpec worker = read(Map.of(), f).processes().get("worker");
        assertThat(worker.command()).isEqualTo("echo base");
        assertThat(worker.environment()).contains(entry("FOO", "override"), entry("SHARED", "1"), entry("EXTRA", "2"));
        assertThat(worker.availability().restart()).isEqualTo(RestartPolicy.ALWAYS);
    }

    @Test
    void discoveryAddsTheOverrideFile() throws IOException {
        write("process-compose.yml", "processes:\n  a: { command: x }\n");
        write("process-compose.override.yml", "processes:\n  b: { command: y }\n");
        StackReader reader = new StackReader(HostEnvironment.of(Map.of()), TestSources.kinds());
        List<Path> files = reader.discoverFiles(dir);

        assertThat(files).containsExactly(dir.resolve("process-compose.yml"), dir.resolve("process-compose.override.yml"));
        assertThat(reader.read(files).processes()).containsOnlyKeys("a", "b");
    }

    @Test
    void dependsOnOneReplicaNamespacesAndDotEnvPrecedence() throws IOException {
        write(".env", "FROM_DOTENV=dot\nSHADOWED=dot\nVERSION=1.2.3\n");
        write("env/web.env", "FROM_FILE=file\n");
        Path f = write("pc.yaml", """
                environment: [ "GLOBAL=g" ]
                processes:
                  consumer:
                    command: "./c"
                    replicas: 2
                    namespace: [ jobs, "", jobs, batch ]
                  web:
                    command: "./web ${VERSION:-0} ${UNSET:-fallback} ${VERSION^^}"
                    working_dir: env
                    env_file: web.env
                    depends_on: { consumer-0: { condition: process_started } }
                  quiet:
                    command: "./q"
                    is_dotenv_disabled: true
                    namespace: tools
                """);
        Stack stack = read(Map.of("SHADOWED", "host", "VERSION", "9"), f);

        ProcessSpec web = stack.processes().get("web");
        assertThat(web.command()).as(".env wins for ${VAR}, as in Process Compose's loader").isEqualTo("./web 1.2.3 fallback 1.2.3");
        assertThat(web.dependsOn()).containsOnlyKeys("consumer-0");
        assertThat(web.environment()).contains(entry("FROM_DOTENV", "dot"), entry("FROM_FILE", "file"), entry("GLOBAL", "g"))
                .as("the host's own value comes next in the process environment").doesNotContainKey("SHADOWED");
        assertThat(web.namespaces()).containsExactly("default");
        assertThat(stack.processes().get("consumer-1").namespaces()).containsExactly("jobs", "batch");
        assertThat(stack.processes().get("quiet").environment()).doesNotContainKey("FROM_DOTENV");
        assertThat(stack.processes().get("quiet").namespaces()).containsExactly("tools");
    }

    @Test
    void zeroIsAlwaysASuccessExitCode() throws IOException {
        Path f = write("pc.yaml", "processes:\n  p:\n    command: x\n    success_exit_codes: [130, 300]\n");
        Stack stack = read(Map.of(), f);
        assertThat(stack.processes().get("p").successExitCodes()).containsExactlyInAnyOrder(0, 130, 300);
        assertThat(stack.warnings()).singleElement().asString().contains("an exit code is 0..255, found 300");
    }

    @Test
    void aNonNumericProbePortMeansTheSchemesPortWithAWarning() throws IOException {
        Path f = write("pc.yaml", """
                processes:
                  web:
                    command: ./web
                    readiness_probe:
                      http_get: { port: http, status_code: 204 }
                """);
        Stack stack = read(Map.of(), f);
        assertThat(stack.processes().get("web").readinessProbe().action())
                .isEqualTo(new ProbeSpec.HttpGet("http", "127.0.0.1", 80, "/", Map.of(), 204));
        assertThat(stack.warnings()).singleElement().asString().contains("port 'http' is not a number");
    }
}
