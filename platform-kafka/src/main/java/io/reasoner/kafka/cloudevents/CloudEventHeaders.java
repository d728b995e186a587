package io.reasoner.kafka.cloudevents;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.kafka.common.header.Headers;

import io.reasoner.protocol.ReasoningEvent;
import io.reasoner.protocol.ReasoningTopic;

/**
 * Writes the CloudEvents 1.0 attributes of a platform event as Kafka headers, in the Kafka protocol binding's
 * binary content mode: the record value stays the event's JSON, the attributes travel as {@code ce_*} headers
 * ({@code ce_specversion}, {@code ce_id}, {@code ce_source}, {@code ce_type}, {@code ce_time}, {@code ce_subject})
 * plus {@code content-type: application/json}.
 *
 * <p>The type is the record name and schema version of the topic's value ({@code io.reasoner.ReasoningChunk.v1}),
 * so a consumer can route on headers without parsing the value. Existing {@code ce_*} headers are replaced, not
 * kept: Kafka Streams copies an input record's headers to what it derives from it, and a derived event is a new
 * event. The exception is a dead-letter copy ({@link ReasoningTopic#REQUESTS_DLT}): it is the original event,
 * parked, so attributes it already carries are kept and only missing ones are added. Records on topics outside
 * {@link ReasoningTopic} (e.g. Kafka Streams' changelogs) are left alone.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    /** The binding maps the {@code datacontenttype} attribute to this header, without the prefix. */
    public static final String CONTENT_TYPE = "content-type";

    private static final Map<String, String> TYPE_BY_TOPIC = Arrays.stream(ReasoningTopic.values())
            .collect(Collectors.toUnmodifiableMap(ReasoningTopic::topicName, CloudEventHeaders::typeOf));

    private final String source;
    private final Clock clock;
    private final Supplier<String> ids;

    /**
     * @param source the producing service as a URI reference, e.g. {@code /reasoner/gateway}
     * @param ids    unique event ids; {@code (source, id)} must be unique per the spec
     */
    public CloudEventHeaders(String source, Clock clock, Supplier<String> ids) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source must be a non-empty URI reference, was '" + source + "'");
        }
        this.source = source;
        this.clock = clock;
        this.ids = ids;
    }

    /** The {@code ce_type} of the events on a topic, e.g. {@code io.reasoner.ReasoningChunk.v1}. */
    public static String typeOf(ReasoningTopic topic) {
        return "io.reasoner." + topic.valueType().getSimpleName() + ".v" + ReasoningEvent.SCHEMA_VERSION;
    }

    /** The {@code ce_type} of the events on the named topic; empty for a topic outside the contract. */
    public static Optional<String> typeOf(String topic) {
        return Optional.ofNullable(TYPE_BY_TOPIC.get(topic));
    }

    /**
     * Sets the attributes of a record about to be sent to {@code topic}.
     *
     * @param key the record key (the request id, worker id or tier), sent as {@code ce_subject}; may be null
     * @return false, with the headers untouched, for a topic outside the contract
     */
    public boolean write(String topic, Object key, Headers headers) {
        String type = TYPE_BY_TOPIC.get(topic);
        if (type == null) {
            return false;
        }
        if (topic.equals(ReasoningTopic.REQUESTS_DLT.topicName()) && headers.lastHeader(ID) != null) {
            return true;
        }
        set(headers, SPEC_VERSION, "1.0");
        set(headers, ID, ids.get());
        set(headers, SOURCE, source);
        set(headers, TYPE, type);
        set(headers, TIME, DateTimeFormatter.ISO_INSTANT.format(clock.instant()));
        set(headers, CONTENT_TYPE, "application/json");
        headers.remove(SUBJECT);
        if (key instanceof String subject) {
            headers.add(SUBJECT, subject.getBytes(StandardCharsets.UTF_8));
        }
        return true;
    }

    /** A header's value as UTF-8 text, or null when absent; for readers of these headers. */
    public static String read(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void set(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

}
