package io.reasoner.kafka;

import java.util.Arrays;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import io.reasoner.protocol.ReasoningTopic;

/**
 * Declares every {@link ReasoningTopic} to Spring's {@link KafkaAdmin}, which creates the missing ones at start-up.
 * The partition counts and cleanup policies come from the protocol's single table.
 */
@Configuration(proxyBeanMethods = false)
public class ReasoningTopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics reasoningTopics(
            @Value("${reasoner.kafka.replication-factor:1}") short replicationFactor) {
        return new KafkaAdmin.NewTopics(Arrays.stream(ReasoningTopic.values())
                .map(topic -> toNewTopic(topic, replicationFactor))
                .toArray(NewTopic[]::new));
    }

    static NewTopic toNewTopic(ReasoningTopic topic, short replicationFactor) {
        return TopicBuilder.name(topic.topicName())
                .partitions(topic.partitions())
                .replicas(replicationFactor)
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, topic.cleanupPolicy().configValue())
                .build();
    }
}
