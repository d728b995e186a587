package io.reasoner.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyedLogScanTest {

    @ParameterizedTest
    @ValueSource(strings = {"rsn_0123456789abcdef0123456789abcdef", "ext-42", "a", "ünïcödé-id"})
    void partitionFor_isWhereTheProducersDefaultPartitionerPutsTheKey(String key) {
        for (int partitions : new int[] {1, 3, 12}) {
            assertThat(KeyedLogScan.partitionFor(key, partitions)).isEqualTo(
                    BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitions));
        }
    }

    @Test
    void consumerConfig_keepsTheServicesConnection_dropsItsGroup_andDoesNotLetTheBrokerHoldFetches() {
        Map<String, Object> service = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092",
                "security.protocol", "SASL_SSL", ConsumerConfig.GROUP_ID_CONFIG, "reasoner-workers",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true);

        Map<String, Object> scan = KeyedLogScan.consumerConfig(service);

        assertThat(scan).containsEntry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092")
                .containsEntry("security.protocol", "SASL_SSL")
                .doesNotContainKey(ConsumerConfig.GROUP_ID_CONFIG)
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Kafka's default of 500 ms left each scan waiting on the previous scan's idle fetch.
        assertThat((Integer) scan.get(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG)).isLessThanOrEqualTo(10);
        assertThat(service).containsKey(ConsumerConfig.GROUP_ID_CONFIG);
    }
}
