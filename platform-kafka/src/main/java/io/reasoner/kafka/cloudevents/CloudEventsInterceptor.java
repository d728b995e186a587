package io.reasoner.kafka.cloudevents;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Adds the CloudEvents headers ({@link CloudEventHeaders}) to every record a producer sends, whatever built the
 * producer: a {@code KafkaTemplate}, Kafka Streams or a plain client. Kafka instantiates it from
 * {@code interceptor.classes} and passes it the producer's configuration, from which it takes
 * {@value #SOURCE_CONFIG}. Event ids are random UUIDs and times come from the system clock; the header logic
 * itself takes both injected.
 */
public final class CloudEventsInterceptor implements ProducerInterceptor<Object, Object> {

    /** Producer config key naming the {@code ce_source} of this producer's events. */
    public static final String SOURCE_CONFIG = "reasoner.cloudevents.source";
    static final String DEFAULT_SOURCE = "/reasoner";

    private CloudEventHeaders headers = new CloudEventHeaders(DEFAULT_SOURCE, Clock.systemUTC(),
            () -> UUID.randomUUID().toString());

    @Override
    public void configure(Map<String, ?> configs) {
        Object source = configs.get(SOURCE_CONFIG);
        if (source != null && !source.toString().isBlank()) {
            headers = new CloudEventHeaders(source.toString(), Clock.systemUTC(), () -> UUID.randomUUID().toString());
        }
    }

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        // Record headers are writable until the producer serializes the record, which happens after this call.
        headers.write(record.topic(), record.key(), record.headers());
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    }

    @Override
    public void close() {
    }
}
