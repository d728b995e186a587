package io.reasoner.protocol;

/**
 * The topic contract: every topic the platform uses, declared once with its key, value type, partition count
 * and cleanup policy. Services create missing topics from this table at start-up; operators' manifests mirror it.
 */
public enum ReasoningTopic {
    /**
     * Questions to reason about at {@link Priority#INTERACTIVE} priority. Key: request id. Interactive and batch
     * requests travel on separate topics so that a worker can serve waiting interactive requests first: within one
     * partition a consumer only sees records in offset order, so a backlog of batch requests would otherwise stand
     * in front of every interactive request behind it.
     */
    REQUESTS("reasoning.requests", 12, CleanupPolicy.DELETE, "requestId", ReasoningRequest.class),
    /** Questions to reason about at {@link Priority#BATCH} priority, served when no interactive request waits. */
    REQUESTS_BATCH("reasoning.requests.batch", 12, CleanupPolicy.DELETE, "requestId", ReasoningRequest.class),
    /**
     * Request records a worker could not serve at all (undecodable, or invalid): the original key, value and
     * headers, plus {@code reasoner.dlt.*} headers saying why and where it came from. The value may not decode as
     * a {@link ReasoningRequest}; that is why it is here. Key: the original key.
     */
    REQUESTS_DLT("reasoning.requests.dlt", 3, CleanupPolicy.DELETE, "requestId", ReasoningRequest.class),
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

    /** The topic a request of {@code priority} goes to. */
    public static ReasoningTopic requestsFor(Priority priority) {
        return priority == Priority.BATCH ? REQUESTS_BATCH : REQUESTS;
    }

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
