package io.reasoner.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.SpecVersion;

import io.reasoner.protocol.ReasoningTopic;

/**
 * docker-compose.yml cannot run here (no Docker engine), so it is checked: against the Compose specification's
 * JSON schema (vendored from Debian's docker-compose 1.29.2, {@code compose/config/compose_spec.json}), and for what
 * the platform needs of it. The schema is read as draft 4, as docker-compose 1.29 itself validates with it.
 */
class ComposeFileTest {

    private static final Path ROOT = RepoFiles.root();
    private final JsonNode compose = RepoFiles.yamlFile(ROOT.resolve("docker-compose.yml"));

    @Test
    void composeFile_conformsToTheComposeSpecSchema() {
        assertThat(RepoFiles.violations(schema(), compose, "docker-compose.yml")).isEmpty();
    }

    @Test
    void schemaCheck_refusesAMisspelledServiceKey() {
        ObjectNode broken = compose.deepCopy();
        ((ObjectNode) broken.path("services").path("gateway")).put("helthcheck", "x");
        assertThat(RepoFiles.violations(schema(), broken, "broken")).anySatisfy(
                v -> assertThat(v).contains("helthcheck"));
    }

    @Test
    void topicCreator_createsEveryDeclaredTopicWithItsPartitionsAndCleanupPolicy() {
        assertThat(compose.at("/services/topics/volumes/0").asText()).startsWith("./ops/kafka/create-topics.sh:");
        assertThat(scriptTopics(RepoFiles.read(ROOT.resolve("ops/kafka/create-topics.sh"))))
                .isEqualTo(declaredTopics());
    }

    @Test
    void broker_isKraftWithTheClientsMajorVersion() {
        JsonNode kafka = compose.at("/services/kafka");
        String image = kafka.path("image").asText();
        assertThat(image).startsWith("apache/kafka:");
        String clientMajor = AppInfoParser.getVersion().split("\\.")[0];
        assertThat(image.substring("apache/kafka:".length()).split("\\.")[0]).isEqualTo(clientMajor);
        assertThat(kafka.at("/environment/KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
    }

    @Test
    void services_areHealthCheckedAndWorkersMountModelsAndDrain_andTheGatewayReadsTheSameModel() {
        for (String service : List.of("gateway", "worker", "worker-gpu", "budget-policy")) {
            JsonNode s = compose.at("/services/" + service);
            assertThat(s.path("healthcheck").path("test").toString()).as(service).contains("/actuator/health/readiness");
            assertThat(s.path("environment").path("SPRING_KAFKA_BOOTSTRAP_SERVERS").asText()).as(service)
                    .isEqualTo("kafka:9092");
        }
        for (String worker : List.of("worker", "worker-gpu")) {
            JsonNode s = compose.at("/services/" + worker);
            assertThat(s.path("volumes").toString()).as(worker).contains(":/models:ro");
            assertThat(s.path("command").toString()).as(worker).contains("--reasoner.worker.model-path=/models/");
            // drain-grace 30 s + handover-wait 10 s
            assertThat(seconds(s.path("stop_grace_period").asText())).as(worker).isGreaterThanOrEqualTo(40);
        }
        assertThat(compose.at("/services/worker/deploy/replicas").asInt()).isEqualTo(2);
        JsonNode gateway = compose.at("/services/gateway");
        assertThat(gateway.path("volumes").toString()).contains(":/models:ro");
        assertThat(gateway.path("command").toString())
                .isEqualTo(compose.at("/services/worker/command").toString()
                        .replace("reasoner.worker.model-path", "reasoner.gateway.model-path"));
    }

    @Test
    void gpuWorker_isAProfileWithAnNvidiaDeviceReservation() {
        JsonNode gpu = compose.at("/services/worker-gpu");
        assertThat(gpu.path("profiles").toString()).isEqualTo("[\"gpu\"]");
        JsonNode device = gpu.at("/deploy/resources/reservations/devices/0");
        assertThat(device.path("driver").asText()).isEqualTo("nvidia");
        assertThat(device.path("capabilities").toString()).contains("gpu");
        assertThat(gpu.path("image").asText()).contains("/worker-cuda:");
        assertThat(gpu.path("command").toString()).contains("--reasoner.worker.device=gpu");
    }

    @Test
    void gateway_getsTheApiKeyThatKeygenSavesLikeReasonerUp() {
        JsonNode gateway = compose.at("/services/gateway");
        assertThat(gateway.at("/depends_on/keygen/condition").asText()).isEqualTo("service_completed_successfully");
        assertThat(gateway.at("/environment/SPRING_CONFIG_IMPORT").asText())
                .isEqualTo("file:/reasoner-state/compose-gateway-keys.properties");
        String keygen = RepoFiles.read(ROOT.resolve("ops/compose/keygen.sh"));
        assertThat(keygen).contains("$state/api-key").contains("reasoner.gateway.auth.keys[%s]=local")
                .contains("compose-gateway-keys.properties");
    }

    @Test
    void prometheus_scrapesEveryServiceOnItsActuatorEndpoint() {
        JsonNode prometheus = RepoFiles.yamlFile(ROOT.resolve("ops/prometheus/prometheus.yml"));
        Map<String, String> jobs = new LinkedHashMap<>();
        for (JsonNode job : prometheus.path("scrape_configs")) {
            assertThat(job.path("metrics_path").asText()).isEqualTo("/actuator/prometheus");
            jobs.put(job.path("job_name").asText(), job.toString());
        }
        assertThat(jobs.get("gateway")).contains("gateway:8080");
        assertThat(jobs.get("reasoner-worker")).contains("\"worker\"").contains("8081");
        assertThat(jobs.get("budget-policy")).contains("budget-policy:8082");
    }

    private static com.networknt.schema.JsonSchema schema() {
        return RepoFiles.schema("compose-spec.json", SpecVersion.VersionFlag.V4);
    }

    static List<String> declaredTopics() {
        List<String> topics = new ArrayList<>();
        for (ReasoningTopic topic : ReasoningTopic.values()) {
            topics.add(topic.topicName() + " " + topic.partitions() + " " + topic.cleanupPolicy().configValue());
        }
        return topics;
    }

    private static List<String> scriptTopics(String script) {
        List<String> topics = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^create (\\S+) (\\d+) (\\S+)$").matcher(script);
        while (m.find()) {
            topics.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
        }
        return topics;
    }

    private static int seconds(String duration) {
        Matcher m = Pattern.compile("(\\d+)s").matcher(duration);
        assertThat(m.matches()).as("duration %s", duration).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
