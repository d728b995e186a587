package io.reasoner.protocol;

/**
 * A worker heartbeat, on {@link ReasoningTopic#WORKER_STATS}, keyed by worker id.
 *
 * @param workerId        stable id of the worker process
 * @param model           the model it serves
 * @param device          where it decodes, e.g. "cpu" or "gpu(0)"
 * @param slotsUsed       decoding slots in use
 * @param slotsTotal      decoding slots in all
 * @param tokensPerSecond tokens decoded per second over the last window
 * @param queueLag        requests waiting on the partitions it owns, as it sees them
 * @param timestampMs     epoch milliseconds
 */
public record WorkerStats(
        String workerId,
        String model,
        String device,
        int slotsUsed,
        int slotsTotal,
        double tokensPerSecond,
        long queueLag,
        long timestampMs) implements ReasoningEvent {

    public WorkerStats {
        Checks.notBlank("workerId", workerId);
        Checks.atLeast("slotsTotal", slotsTotal, 0);
        Checks.inRange("slotsUsed", slotsUsed, 0, slotsTotal);
        Checks.inRange("tokensPerSecond", tokensPerSecond, 0.0, Double.MAX_VALUE);
        Checks.atLeast("queueLag", queueLag, 0);
    }

    @Override
    public String key() {
        return workerId;
    }
}
