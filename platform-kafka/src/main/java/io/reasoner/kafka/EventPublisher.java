package io.reasoner.kafka;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import io.reasoner.protocol.ReasoningEvent;
import io.reasoner.protocol.ReasoningTopic;

/** Sends protocol events to their topic, keyed by the event's own key so per-request order is kept. */
public final class EventPublisher {

    private final KafkaTemplate<String, ReasoningEvent> template;

    public EventPublisher(KafkaTemplate<String, ReasoningEvent> template) {
        this.template = template;
    }

    public CompletableFuture<SendResult<String, ReasoningEvent>> send(ReasoningTopic topic, ReasoningEvent event) {
        if (!topic.valueType().isInstance(event)) {
            throw new IllegalArgumentException(topic.topicName() + " carries " + topic.valueType().getSimpleName()
                    + ", not " + event.getClass().getSimpleName());
        }
        return template.send(topic.topicName(), event.key(), event);
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
