package io.reasoner.policy.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reasoner.protocol.Budget;
import io.reasoner.protocol.BudgetPolicy;
import io.reasoner.protocol.EventCodec;
import io.reasoner.protocol.Priority;
import io.reasoner.protocol.ReasoningRequest;
import io.reasoner.protocol.ReasoningTopic;

class PolicyTopologyTest {

    private final EventCodec codec = new EventCodec();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> requests;
    private TestOutputTopic<String, byte[]> policies;

    @BeforeEach
    void start(@TempDir Path stateDir) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "policy-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(PolicyTopology.build(Duration.ofSeconds(10)), config);
        requests = driver.createInputTopic(ReasoningTopic.REQUESTS.topicName(), new StringSerializer(),
                new ByteArraySerializer());
        policies = driver.createOutputTopic(ReasoningTopic.BUDGET_POLICY.topicName(), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void arrive(String id, Priority priority, int thinking, Instant at) {
        ReasoningRequest request = new ReasoningRequest(id, null, null, "q", null, Budget.of(thinking, 8), null, priority,
                null, Map.of(), at.toEpochMilli());
        requests.pipeInput(id, codec.encode(request), at);
    }

    @Test
    void arrivals_areCountedPerTierAndWindow_andPublishedAsPassThroughPolicies() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        arrive("a", Priority.INTERACTIVE, 100, t0);
        arrive("b", Priority.INTERACTIVE, 300, t0.plusSeconds(1));
        arrive("c", Priority.BATCH, 50, t0.plusSeconds(2));
        requests.pipeInput("poison", new byte[] {1, 2, 3}, t0.plusSeconds(3));

        Map<String, byte[]> latest = policies.readKeyValuesToMap();

        BudgetPolicy interactive = codec.decode(latest.get("interactive"), BudgetPolicy.class);
        assertThat(interactive.tier()).isEqualTo(Priority.INTERACTIVE);
        assertThat(interactive.multiplier()).isEqualTo(1.0);
        assertThat(interactive.inputs()).containsEntry("arrivals", 2.0)
                .containsEntry("requestedThinkingTokens", 400.0);
        BudgetPolicy batch = codec.decode(latest.get("batch"), BudgetPolicy.class);
        assertThat(batch.inputs()).containsEntry("arrivals", 1.0);
    }

    @Test
    void aNewWindow_startsCountingAfresh() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        arrive("a", Priority.BATCH, 10, t0);
        arrive("b", Priority.BATCH, 10, t0.plusSeconds(11));

        var outputs = policies.readValuesToList();

        assertThat(outputs).hasSize(2);
        assertThat(codec.decode(outputs.get(1), BudgetPolicy.class).inputs()).containsEntry("arrivals", 1.0);
    }
}
