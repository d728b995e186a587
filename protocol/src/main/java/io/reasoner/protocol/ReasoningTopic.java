package io.reasoner.protocol;

/**
 * The topic contract: every topic the platform uses, declared once with its key, value type, partition count
 * and cleanup policy. Services create missing topics from this table at start-up; operators' manifests mirror it.
 */
public enum ReasoningTopic {
    /** Questions to reason about. Key: request id. */
    REQUESTS("reasoning.requests", 12, CleanupPolicy.DELETE, "requestId", ReasoningRequest.class),
    /** Ordered output pieces. Key: request id, so one request's chunks stay in one partition, in order. */
    CHUNKS("reasoning.chunks", 12, CleanupPolicy.DELETE, "requestId", ReasoningChunk.class),
    /** Final outcomes, one per request. Key: request id. */
    RESULTS("reasoning.results", 12, CleanupPolicy.DELETE, "requestId", ReasoningResult.class),
    /** Cancellations. Key: request id. */
    CONTROL("reasoning.control", 12, CleanupPolicy.DELETE, "requestId", ControlCommand.class),
    /** Worker heartbeats. Key: worker id. */
    WORKER_STATS("reasoning.worker-stats", 3, CleanupPolicy.DELETE, "workerId", WorkerStats.class),
    /** Current budget policy per tier; compacted, so the latest value per tier is always readable. Key: tier. */
    BUDGET_POLICY("reasoning.budget-policy", 1, CleanupPolicy.COMPACT, "tier", BudgetPolicy.class);

    public enum CleanupPolicy {
        DELETE, COMPACT;

        /** The value of Kafka's {@code cleanup.policy} topic config. */
        public String configValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final String topicName;
    private final int partitions;
    private final CleanupPolicy cleanupPolicy;
    private final String keyField;
    private final Class<? extends ReasoningEvent> valueType;

    ReasoningTopic(String topicName, int partitions, CleanupPolicy cleanupPolicy, String keyField,
            Class<? extends ReasoningEvent> valueType) {
        this.topicName = topicName;
        this.partitions = partitions;
        this.cleanupPolicy = cleanupPolicy;
        this.keyField = keyField;
        this.valueType = valueType;
    }

    public String topicName() {
        return topicName;
    }

    public int partitions() {
        return partitions;
    }

    public CleanupPolicy cleanupPolicy() {
        return cleanupPolicy;
    }

    /** The event field whose value is the record key. */
    public String keyField() {
        return keyField;
    }

    public Class<? extends ReasoningEvent> valueType() {
        return valueType;
    }
}
