package io.reasoner.kafka.tracing;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Puts the current span ({@link TraceContext}: OpenTelemetry's current span, for events the PRODUCER span that
 * {@code EventPublisher} opens around the send) on every record sent from its thread, as a {@code traceparent}
 * header, unless the record has one already (a dead letter keeps the original's). Kafka calls {@code onSend} on the
 * sending thread. Enabled by {@code spring.kafka.producer.properties.interceptor.classes}.
 */
public final class TraceParentInterceptor implements ProducerInterceptor<Object, Object> {

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        TraceContext.current().ifPresent(span -> {
            if (record.headers().lastHeader(TraceParent.HEADER) == null) {
                record.headers().add(TraceParent.HEADER, span.header().getBytes(StandardCharsets.US_ASCII));
            }
        });
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
