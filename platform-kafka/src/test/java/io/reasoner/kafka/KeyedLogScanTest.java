package io.reasoner.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
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
}
