package io.reasoner.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.reasoner.gateway.GatewayApplication;

/**
 * The gateway takes its API keys the way docker-compose.yml and the Kubernetes manifests hand them over: a
 * properties file of {@code reasoner.gateway.auth.keys[KEY]=tenant} lines (written by {@code ops/compose/keygen.sh},
 * or mounted from the Secret reasoner-api-keys), imported with {@code SPRING_CONFIG_IMPORT}.
 */
@EmbeddedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComposeApiKeyTest {

    private static final String KEY = "rsk_0123456789abcdef0123456789abcdef";

    private ConfigurableApplicationContext gateway;

    @BeforeAll
    void start(EmbeddedKafkaBroker broker, @TempDir Path dir) throws Exception {
        Path keys = Files.writeString(dir.resolve("compose-gateway-keys.properties"),
                "reasoner.gateway.auth.keys[" + KEY + "]=local\n");
        gateway = GatewayApplication.builder().run("--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--server.port=0", "--spring.jmx.enabled=false", "--spring.config.import=file:" + keys);
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    @Test
    void aKeyFromTheImportedFileIsAccepted_andOthersAreNot() throws Exception {
        assertThat(post(KEY).statusCode()).isEqualTo(202);
        assertThat(post("rsk_ffffffffffffffffffffffffffffffff").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> post(String key) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + Platform.port(gateway) + "/v1/reasoning"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"Once upon a time\"}"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
