package io.reasoner.worker.kafka;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.core.KafkaTemplate;

import io.reasoner.kafka.EventPublisher;
import io.reasoner.protocol.ReasoningTopic;

/**
 * Copies a request record the worker cannot serve to {@code reasoning.requests.dlt}, bytes and headers as they
 * came, with headers saying why and from where, so an operator can inspect or replay it.
 */
public final class DeadLetters implements AutoCloseable {

    /** The producer's {@code client.id}, which Kafka puts in its network thread's name. */
    public static final String CLIENT_ID = "reasoner-dead-letters";
    static final String REASON = "reasoner.dlt.reason";
    static final String ORIGIN = "reasoner.dlt.origin";

    private final KafkaTemplate<String, byte[]> template;
    private final Runnable closeProducer;
    private final long timeoutMs;

    /** {@code closeProducer} closes the template's producer; {@link #close()} runs it. */
    public DeadLetters(KafkaTemplate<String, byte[]> template, Runnable closeProducer, long timeoutMs) {
        this.template = template;
        this.closeProducer = closeProducer;
        this.timeoutMs = timeoutMs;
    }

    /** Closes the producer: without it, it would outlive the worker's context, retrying a broker that is gone. */
    @Override
    public void close() {
        closeProducer.run();
    }

    /** @throws EventPublisher.PublishFailedException if the broker does not acknowledge in time */
    public void send(ConsumerRecord<String, byte[]> record, String reason) {
        ProducerRecord<String, byte[]> copy = new ProducerRecord<>(ReasoningTopic.REQUESTS_DLT.topicName(), null,
                record.key(), record.value());
        for (Header header : record.headers()) {
            copy.headers().add(header);
        }
        copy.headers().add(REASON, reason.getBytes(StandardCharsets.UTF_8));
        copy.headers().add(ORIGIN, (record.topic() + "-" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        try {
            template.send(copy).get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublisher.PublishFailedException("interrupted dead-lettering " + copy.key(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new EventPublisher.PublishFailedException("could not dead-letter " + copy.key(), e);
        }
    }
}
