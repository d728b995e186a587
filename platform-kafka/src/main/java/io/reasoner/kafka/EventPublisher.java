package io.reasoner.kafka;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.reasoner.kafka.tracing.MessagingSpans;
import io.reasoner.protocol.ReasoningEvent;
import io.reasoner.protocol.ReasoningTopic;

/**
 * Sends protocol events to their topic, keyed by the event's own key so per-request order is kept. An event sent
 * while a span is current gets its own PRODUCER span, a child of that one, from the send until the broker's
 * acknowledgement; its record's {@code traceparent} names that span. Events sent outside any trace (heartbeats) get
 * neither.
 */
public final class EventPublisher {

    private final KafkaTemplate<String, ReasoningEvent> template;
    private final Tracer tracer;

    public EventPublisher(KafkaTemplate<String, ReasoningEvent> template, Tracer tracer) {
        this.template = template;
        this.tracer = tracer;
    }

    public CompletableFuture<SendResult<String, ReasoningEvent>> send(ReasoningTopic topic, ReasoningEvent event) {
        if (!topic.valueType().isInstance(event)) {
            throw new IllegalArgumentException(topic.topicName() + " carries " + topic.valueType().getSimpleName()
                    + ", not " + event.getClass().getSimpleName());
        }
        if (!Span.current().getSpanContext().isValid()) {
            return template.send(topic.topicName(), event.key(), event);
        }
        Span span = MessagingSpans.producer(tracer, topic.topicName(), event.key()).startSpan();
        CompletableFuture<SendResult<String, ReasoningEvent>> sent;
        try (Scope scope = span.makeCurrent()) {
            sent = template.send(topic.topicName(), event.key(), event);
        } catch (RuntimeException e) {
            MessagingSpans.fail(span, e);
            span.end();
            throw e;
        }
        // Ends on the producer's I/O thread; the caller gets the template's own future, untouched.
        sent.whenComplete((result, failure) -> {
            if (failure != null) {
                MessagingSpans.fail(span, failure);
            } else if (result.getRecordMetadata() != null) {
                span.setAttribute(MessagingSpans.PARTITION,
                        Integer.toString(result.getRecordMetadata().partition()));
                span.setAttribute(MessagingSpans.OFFSET, result.getRecordMetadata().offset());
            }
            span.end();
        });
        return sent;
    }

    /** Sends and waits for the broker's acknowledgement, at most {@code timeoutMs}. */
    public void sendAndWait(ReasoningTopic topic, ReasoningEvent event, long timeoutMs) {
        try {
            send(topic, event).get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while publishing to " + topic.topicName(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishFailedException("could not publish to " + topic.topicName() + " within "
                    + timeoutMs + " ms", e);
        }
    }

    /** The broker did not acknowledge an event in time. */
    public static final class PublishFailedException extends RuntimeException {
        public PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
