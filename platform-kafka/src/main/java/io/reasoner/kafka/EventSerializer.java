package io.reasoner.kafka;

import org.apache.kafka.common.serialization.Serializer;

import io.reasoner.protocol.EventCodec;
import io.reasoner.protocol.ReasoningEvent;

/** Writes any {@link ReasoningEvent} as the protocol's versioned JSON. */
public final class EventSerializer implements Serializer<ReasoningEvent> {

    private final EventCodec codec = new EventCodec();

    @Override
    public byte[] serialize(String topic, ReasoningEvent event) {
        return event == null ? null : codec.encode(event);
    }
}
