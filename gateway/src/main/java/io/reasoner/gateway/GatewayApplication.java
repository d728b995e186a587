package io.reasoner.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.reasoner.kafka.ReasoningKafkaConfiguration;

/** The HTTP front door: accepts reasoning requests, puts them on Kafka, streams chunks back as SSE. */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(GatewayProperties.class)
@Import(ReasoningKafkaConfiguration.class)
public class GatewayApplication {

    public static void main(String[] args) {
        builder().run(args);
    }

    /**
     * The application with its own configuration file name ({@code gateway.yml}), so that several services can share
     * one classpath (as in the integration tests) without reading each other's settings.
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(GatewayApplication.class).properties("spring.config.name=gateway");
    }
}
