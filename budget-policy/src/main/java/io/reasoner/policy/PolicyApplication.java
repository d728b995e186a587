package io.reasoner.policy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.reasoner.kafka.ReasoningTopicsConfiguration;
import io.reasoner.policy.config.PolicyProperties;
import io.reasoner.policy.metrics.PolicyMetrics;
import io.reasoner.policy.topology.PolicyTopology;
import io.reasoner.policy.web.PolicyQueries;

/** The budget-policy service: a Kafka Streams application over the platform's load signals, with a small HTTP API. */
@SpringBootApplication
@Import(ReasoningTopicsConfiguration.class)
@EnableConfigurationProperties(PolicyProperties.class)
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
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The overrides topic is this service's own, so it is declared here rather than in the protocol's table. */
    @Bean
    KafkaAdmin.NewTopics policyOverridesTopic() {
        return new KafkaAdmin.NewTopics(TopicBuilder.name(PolicyTopology.OVERRIDES_TOPIC).partitions(1)
                // The topology requires one partition: it reads overrides in the same task as the load.
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                .build());
    }

    /** A bean, so that the context closes its producer on shutdown. */
    @Bean
    ProducerFactory<String, byte[]> overridesProducerFactory(KafkaProperties kafka) {
        Map<String, Object> config = kafka.buildProducerProperties();
        return new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @Bean
    KafkaTemplate<String, byte[]> overridesTemplate(ProducerFactory<String, byte[]> overridesProducerFactory) {
        return new KafkaTemplate<>(overridesProducerFactory);
    }

    @Bean
    KafkaStreams kafkaStreams(KafkaProperties kafka, PolicyProperties policy) {
        Properties config = new Properties();
        config.putAll(kafka.buildStreamsProperties());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, policy.applicationId());
        Path stateDir = policy.stateDir() != null ? policy.stateDir()
                : Path.of(System.getProperty("java.io.tmpdir"), "reasoner-budget-policy");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // Policies should follow load within a second, not after the default 30 s commit interval.
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
        return new KafkaStreams(PolicyTopology.build(policy.toSettings()), config);
    }

    @Bean
    PolicyQueries policyQueries(KafkaStreams streams, MeterRegistry registry) {
        PolicyQueries queries = new PolicyQueries(streams);
        PolicyMetrics.register(registry, queries);
        return queries;
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
