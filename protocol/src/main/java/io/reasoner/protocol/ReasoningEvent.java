package io.reasoner.protocol;

/**
 * Every message on a reasoning topic. The JSON form adds two envelope fields, {@code type} (the simple record
 * name) and {@code version} ({@link #SCHEMA_VERSION}); see {@link EventCodec}.
 */
public sealed interface ReasoningEvent
        permits ReasoningRequest, ReasoningChunk, ReasoningResult, ControlCommand, WorkerStats, BudgetPolicy {

    /**
     * Version of the JSON schema written by this code. Readers accept any version up to their own and ignore
     * fields they do not know, so adding an optional field does not need a new version.
     */
    int SCHEMA_VERSION = 1;

    /** The Kafka record key: the request id, except for worker stats (worker id) and policies (tier). */
    String key();
}
