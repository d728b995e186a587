package io.reasoner.it;

import java.nio.file.Path;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.reasoner.gateway.GatewayApplication;
import io.reasoner.worker.WorkerApplication;

/** Starts the real gateway and worker applications in this JVM against a given broker. */
final class Platform {

    /** The API key every test gateway accepts, for tenant {@code default}; tests about auth configure more. */
    static final String API_KEY = "rsk_test_0123456789abcdef";

    private Platform() {
    }

    /** The argument that configures {@code key} for {@code tenant}; brackets keep the key's characters as they are. */
    static String apiKeyArg(String key, String tenant) {
        return "--reasoner.gateway.auth.keys[" + key + "]=" + tenant;
    }

    static ConfigurableApplicationContext worker(String bootstrapServers, Path model, String... extra) {
        return WorkerApplication.builder()
                .run(args(extra, "--spring.kafka.bootstrap-servers=" + bootstrapServers, "--server.port=0",
                        "--reasoner.worker.model-path=" + model, "--spring.jmx.enabled=false"));
    }

    /** A gateway told the same model file as the workers, as {@code ./reasoner up} does, to count prompt tokens. */
    static ConfigurableApplicationContext gateway(String bootstrapServers, String... extra) {
        return GatewayApplication.builder()
                .run(args(extra, "--spring.kafka.bootstrap-servers=" + bootstrapServers, "--server.port=0",
                        "--spring.jmx.enabled=false", apiKeyArg(API_KEY, "default"),
                        "--reasoner.gateway.model-path=" + TestModels.stories260K()));
    }

    /** Command-line arguments, so they override the applications' own application.yml. */
    private static String[] args(String[] extra, String... base) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
