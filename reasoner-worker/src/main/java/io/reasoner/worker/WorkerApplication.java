package io.reasoner.worker;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.reasoner.kafka.ReasoningKafkaConfiguration;

/** A reasoning worker: consumes requests, decodes them on a real model, publishes chunks and results. */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(WorkerProperties.class)
@Import(ReasoningKafkaConfiguration.class)
public class WorkerApplication {

    public static void main(String[] args) {
        builder().run(args);
    }

    /**
     * The application with its own configuration file name ({@code reasoner-worker.yml}), so that several services can share
     * one classpath (as in the integration tests) without reading each other's settings.
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(WorkerApplication.class).properties("spring.config.name=reasoner-worker");
    }
}
