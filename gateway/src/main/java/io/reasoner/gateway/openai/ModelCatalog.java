package io.reasoner.gateway.openai;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.reasoner.protocol.WorkerStats;

/**
 * The models that workers serve, learned from their heartbeats. A model is live while some worker named it within
 * the last {@code ttl}; times are this gateway's clock at receipt, so workers' clocks may be skewed. Thread-safe.
 */
final class ModelCatalog {

    /** Returned for a request that names no model while no worker has reported yet. */
    static final String ANY_MODEL = "default";

    /**
     * @param id          the model name workers report
     * @param firstSeenMs when this gateway first saw it (since it was last forgotten), epoch milliseconds
     * @param lastSeenMs  the latest heartbeat naming it, epoch milliseconds
     */
    record ServedModel(String id, long firstSeenMs, long lastSeenMs) {
    }

    private final Map<String, ServedModel> models = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long ttlMs;

    ModelCatalog(Clock clock, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be > 0, was " + ttl);
        }
        this.clock = clock;
        this.ttlMs = ttl.toMillis();
    }

    void record(WorkerStats stats) {
        if (stats.model() == null || stats.model().isBlank()) {
            return;
        }
        long now = clock.millis();
        models.compute(stats.model(), (id, known) -> known == null || expired(known, now)
                ? new ServedModel(id, now, now) : new ServedModel(id, known.firstSeenMs(), now));
        // Bounded by the number of model names ever served; forgetting the dead ones keeps it at the live ones.
        models.values().removeIf(model -> expired(model, now));
    }

    /** Live models, by name. */
    List<ServedModel> live() {
        long now = clock.millis();
        return models.values().stream().filter(model -> !expired(model, now))
                .sorted(Comparator.comparing(ServedModel::id)).toList();
    }

    /**
     * The model name to answer with. A named model must be live, unless no model is known at all (the gateway
     * has just started, or no worker is up yet): the request then waits in Kafka like any other. No name means
     * the first live model, or {@link #ANY_MODEL}.
     *
     * @throws UnknownModelException if models are known and the named one is not among them
     */
    String resolve(String requested) {
        List<String> served = live().stream().map(ServedModel::id).toList();
        if (requested == null) {
            return served.isEmpty() ? ANY_MODEL : served.get(0);
        }
        if (!served.isEmpty() && !served.contains(requested)) {
            throw new UnknownModelException(requested, served);
        }
        return requested;
    }

    private boolean expired(ServedModel model, long now) {
        return now - model.lastSeenMs() > ttlMs;
    }
}
