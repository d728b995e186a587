package io.reasoner.gateway.kafka;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;

import io.reasoner.gateway.stream.RequestRegistry;
import io.reasoner.gateway.tracing.DeliverySpans;
import io.reasoner.protocol.EventCodec;
import io.reasoner.protocol.ReasoningChunk;
import io.reasoner.protocol.ReasoningRequest;
import io.reasoner.protocol.ReasoningResult;
import io.reasoner.protocol.ReasoningTopic;

/**
 * Feeds the registry from the request, chunk and result topics. Each gateway instance reads every partition
 * under its own consumer group, from the end of the log at start-up. It reports ready only once its partitions
 * are assigned, so a request accepted after readiness never has chunks this instance misses. A request's first
 * chunk and its result, when a client waits for them here, are processed in a CONSUMER span ({@link DeliverySpans}).
 */
public class LogEventListener implements ConsumerSeekAware {

    private final RequestRegistry registry;
    private final EventCodec codec;
    private final DeliverySpans spans;
    private final AtomicBoolean assigned = new AtomicBoolean();

    public LogEventListener(RequestRegistry registry, EventCodec codec, DeliverySpans spans) {
        this.registry = registry;
        this.codec = codec;
        this.spans = spans;
    }

    @KafkaListener(
            id = "gateway-log",
            groupId = "gateway-#{@gatewayInstanceId}",
            topics = {"reasoning.requests", "reasoning.requests.batch", "reasoning.chunks", "reasoning.results"},
            // The group is this instance's own (a random id unless reasoner.gateway.instance-id is set), read from the
            // end at start-up, so its offsets matter little: the consumer commits them in the background every few
            // seconds, not the container synchronously after every poll, which put a broker round trip between
            // each batch of chunks and its delivery.
            properties = {"auto.offset.reset=latest", "enable.auto.commit=true"})
    void onEvent(ConsumerRecord<String, byte[]> record) {
        // A malformed event throws; the container's error handler logs it and moves on to the next record.
        String topic = record.topic();
        if (topic.equals(ReasoningTopic.CHUNKS.topicName())) {
            ReasoningChunk chunk = codec.decode(record.value(), ReasoningChunk.class);
            long producedAtMs = Math.max(0, record.timestamp());
            if (chunk.seq() == 0 && registry.watched(chunk.requestId())) {
                spans.process(record, chunk.requestId(), null, () -> registry.onChunk(chunk, producedAtMs));
            } else {
                registry.onChunk(chunk, producedAtMs);
            }
        } else if (topic.equals(ReasoningTopic.RESULTS.topicName())) {
            ReasoningResult result = codec.decode(record.value(), ReasoningResult.class);
            if (registry.watched(result.requestId())) {
                spans.process(record, result.requestId(), result.tenant(), () -> registry.onResult(result));
            } else {
                registry.onResult(result);
            }
        } else if (topic.equals(ReasoningTopic.REQUESTS.topicName())
                || topic.equals(ReasoningTopic.REQUESTS_BATCH.topicName())) {
            registry.accept(codec.decode(record.value(), ReasoningRequest.class));
        }
    }

    @Override
    public void onPartitionsAssigned(java.util.Map<TopicPartition, Long> assignments,
            ConsumerSeekAware.ConsumerSeekCallback callback) {
        assigned.set(true);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        assigned.set(false);
    }

    /**
     * True once this instance reads its partitions live. Spring resolves each partition's position before it
     * calls {@link #onPartitionsAssigned}, so every event written after this turns true reaches the registry.
     */
    public boolean reading() {
        return assigned.get();
    }

    /** Readiness: true once this instance reads its partitions. */
    public Health health() {
        return assigned.get() ? Health.up().build()
                : Health.outOfService().withDetail("reason", "stream consumer has no partitions yet").build();
    }
}
