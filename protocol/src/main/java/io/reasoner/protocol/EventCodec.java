package io.reasoner.protocol;

import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Encodes events as UTF-8 JSON objects with two envelope fields in front of the record's own fields:
 * <pre>{"type":"ReasoningChunk","version":1,"requestId":"…","seq":0,…}</pre>
 * Decoding checks the envelope, ignores unknown fields (so producers may add optional fields without a new
 * version), and runs the record's validating constructor, so a decoded event is always a valid one.
 * Thread-safe.
 */
public final class EventCodec {

    public static final String TYPE_FIELD = "type";
    public static final String VERSION_FIELD = "version";

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Absent numeric fields take 0, so optional counters (minThinkingTokens, extensions) may be omitted;
            // required ones are then caught by the record's range check with a message naming the field.
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public byte[] encode(ReasoningEvent event) {
        return mapper.writeValueAsBytes(toTree(event));
    }

    public String encodeToString(ReasoningEvent event) {
        return new String(encode(event), StandardCharsets.UTF_8);
    }

    /** The event's JSON without the envelope fields, e.g. for an SSE {@code data:} line. */
    public String encodeBody(ReasoningEvent event) {
        return mapper.writeValueAsString(event);
    }

    public <T extends ReasoningEvent> T decode(byte[] json, Class<T> type) {
        if (json == null) {
            throw new MalformedEventException("message has no value");
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new MalformedEventException("message is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new MalformedEventException("message must be a JSON object");
        }
        checkEnvelope((ObjectNode) tree, type);
        try {
            return mapper.treeToValue(tree, type);
        } catch (JacksonException e) {
            throw new MalformedEventException(describe(e), e);
        }
    }

    private ObjectNode toTree(ReasoningEvent event) {
        ObjectNode tree = mapper.createObjectNode();
        tree.put(TYPE_FIELD, event.getClass().getSimpleName());
        tree.put(VERSION_FIELD, ReasoningEvent.SCHEMA_VERSION);
        tree.setAll((ObjectNode) mapper.valueToTree(event));
        return tree;
    }

    private static void checkEnvelope(ObjectNode tree, Class<?> type) {
        JsonNode typeNode = tree.get(TYPE_FIELD);
        // An external producer may omit the type: the topic already says what it carries.
        if (typeNode != null && !type.getSimpleName().equals(typeNode.asString())) {
            throw new MalformedEventException(
                    "expected type " + type.getSimpleName() + ", was " + typeNode.asString());
        }
        JsonNode versionNode = tree.get(VERSION_FIELD);
        if (versionNode != null && (!versionNode.canConvertToInt()
                || versionNode.asInt() < 1 || versionNode.asInt() > ReasoningEvent.SCHEMA_VERSION)) {
            throw new MalformedEventException("version must be in [1, " + ReasoningEvent.SCHEMA_VERSION
                    + "], was " + versionNode);
        }
        tree.remove(TYPE_FIELD);
        tree.remove(VERSION_FIELD);
    }

    /** Prefers the validating constructor's own message ("maxThinkingTokens must be in …") over Jackson's. */
    private static String describe(JacksonException e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof IllegalArgumentException) {
            return "invalid event: " + cause.getMessage();
        }
        return "invalid event: " + e.getOriginalMessage();
    }
}
