package io.reasoner.gateway.openai;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

import io.reasoner.protocol.EventCodec;
import io.reasoner.protocol.WorkerStats;

/**
 * Feeds the model catalog from worker heartbeats. Each gateway instance reads them under its own consumer group,
 * from the end of the log: heartbeats come every second, so the history adds nothing but start-up work.
 */
final class WorkerStatsListener {

    private final ModelCatalog catalog;
    private final EventCodec codec;

    WorkerStatsListener(ModelCatalog catalog, EventCodec codec) {
        this.catalog = catalog;
        this.codec = codec;
    }

    @KafkaListener(
            id = "gateway-worker-stats",
            groupId = "gateway-models-#{@gatewayInstanceId}",
            topics = "reasoning.worker-stats",
            properties = {"auto.offset.reset=latest"})
    void onStats(ConsumerRecord<String, byte[]> record) {
        // A malformed heartbeat throws; the container's error handler logs it and the next one replaces it.
        catalog.record(codec.decode(record.value(), WorkerStats.class));
    }
}
