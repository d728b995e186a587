package io.reasoner.policy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import io.reasoner.kafka.ReasoningTopicsConfiguration;
import io.reasoner.policy.topology.PolicyTopology;

/** The budget-policy service: a Kafka Streams application over the platform's load signals. */
@SpringBootApplication
@Import(ReasoningTopicsConfiguration.class)
public class PolicyApplication {

    public static void main(String[] args) {
        builder().run(args);
    }

    /**
     * The application with its own configuration file name ({@code budget-policy.yml}), so that several services can share
     * one classpath (as in the integration tests) without reading each other's settings.
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(PolicyApplication.class).properties("spring.config.name=budget-policy");
    }

    @Bean
    KafkaStreams kafkaStreams(KafkaProperties kafka,
            @Value("${reasoner.policy.application-id:reasoner-budget-policy}") String applicationId,
            @Value("${reasoner.policy.state-dir:${java.io.tmpdir}/reasoner-budget-policy}") Path stateDir,
            @Value("${reasoner.policy.window:10s}") Duration window) {
        Properties config = new Properties();
        config.putAll(kafka.buildStreamsProperties());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // Policies should follow load within a second, not after the default 30 s commit interval.
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
        return new KafkaStreams(PolicyTopology.build(io.reasoner.policy.topology.PolicySettings.defaults().withWindow(window)), config);
    }

    @Bean
    SmartLifecycle kafkaStreamsLifecycle(KafkaStreams streams) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                streams.start();
                running = true;
            }

            @Override
            public void stop() {
                streams.close(Duration.ofSeconds(10));
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }

    @Bean
    HealthIndicator kafkaStreamsHealth(KafkaStreams streams) {
        return () -> streams.state().isRunningOrRebalancing()
                ? Health.up().withDetail("state", streams.state().name()).build()
                : Health.outOfService().withDetail("state", streams.state().name()).build();
    }
}
