package dev.pitstop.core.stack;

import java.time.Duration;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Real Process Compose files, copied unchanged from the F1bonacc1/process-compose repository, read
 * without error. Sources (paths in that repository):
 * <ul>
 *   <li>{@code stack/pc/data_aggregation_workflow.yaml}: {@code examples/data_aggregation_workflow.yaml}</li>
 *   <li>{@code stack/pc/mcp-example.yaml}: {@code examples/mcp-example.yaml}</li>
 *   <li>{@code stack/pc/demo.yaml}: {@code demo/process-compose.yaml}</li>
 *   <li>{@code stack/pc/process-compose-chain-rhombus.yaml}: {@code fixtures/process-compose-chain-rhombus.yaml}</li>
 * </ul>
 */
class ProcessComposeFilesTest {
    private final StackReader reader = new StackReader(HostEnvironment.of(Map.of("VERSION", "1.2.3",
            "DB_USER", "u", "DB_PASSWORD", "p")), TestSources.kinds());

    private static Path file(String name) throws URISyntaxException {
        return Path.of(ProcessComposeFilesTest.class.getResource("/stack/pc/" + name).toURI());
    }

    @Test
    void dataAggregationWorkflow() throws URISyntaxException {
        Stack stack = reader.read(file("data_aggregation_workflow.yaml"));

        assertThat(stack.processes()).containsOnlyKeys("downloader_A", "downloader_B", "cleanser", "db_feeder",
                "db_awaiter", "database");
        assertThat(stack.warnings()).isEmpty();
        assertThat(stack.logLocation()).isEqualTo(stack.directory().resolve("pc.log"));
        assertThat(stack.processes().get("downloader_A").command())
                .isEqualTo("python3 data_downloader_1.2.3.py -s 'data.source.A.uri'");
        assertThat(stack.processes().get("downloader_A").availability())
                .isEqualTo(new Availability(RestartPolicy.ALWAYS, Duration.ofSeconds(300), 0));
        assertThat(stack.processes().get("db_feeder").environment())
                .containsEntry("DB_CONNECTION_STRING", "MYDB://u:p@localhost:27017")
                .containsEntry("IS_PRODUCTION_MODE", "1");
        assertThat(stack.processes().get("db_feeder").dependsOn())
                .containsEntry("db_awaiter", DependencyCondition.PROCESS_COMPLETED_SUCCESSFULLY);
        assertThat(stack.processes().get("database").logLocation()).isEqualTo(Path.of("/path/to/db.log"));
    }

    @Test
    void mcpExampleWarnsAboutWhatPitstopIgnores() throws URISyntaxException {
        Stack stack = reader.read(file("mcp-example.yaml"));

        assertThat(stack.processes()).hasSize(11);
        assertThat(stack.processes().get("search-logs").disabled()).isTrue();
        assertThat(stack.processes().get("web-server").readinessProbe()).isEqualTo(new ProbeSpec(
                new ProbeSpec.HttpGet("http", "localhost", 8981, "/", Map.of(), 200),
                        Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(1), 1, 3));
        assertThat(stack.warnings()).anySatisfy(w -> assertThat(w).endsWith(":9:1: mcp_server: not supported by Pitstop, ignored"))
                .anySatisfy(w -> assertThat(w).endsWith(":26:5: processes.search-logs.mcp: not supported by Pitstop, ignored"))
                .noneSatisfy(w -> assertThat(w).contains("unknown key"));
    }

    @Test
    void demo() throws URISyntaxException {
        Stack stack = reader.read(file("demo.yaml"));

        assertThat(stack.processes()).containsOnlyKeys("redis", "postgres", "api-server", "web-app", "scheduler", "lazygit");
        assertThat(stack.processes().get("api-server").dependsOn())
                .containsEntry("redis", DependencyCondition.PROCESS_HEALTHY);
        assertThat(stack.processes().get("redis").command()).contains("i=$((i+1))");
    }

    @Test
    void rhombusChain() throws URISyntaxException {
        Stack stack = reader.read(file("process-compose-chain-rhombus.yaml"));

        assertThat(stack.processes()).hasSize(8);
        assertThat(stack.environment()).containsEntry("ABC", "222");
        assertThat(stack.processes().get("process5").dependsOn()).containsOnlyKeys("process6", "process7");
    }
}
