package io.reasoner.worker.kafka;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ids of requests cancelled on {@code reasoning.control}, checked by decoding loops once per step. Bounded: only
 * the most recent {@code capacity} cancellations are remembered, which covers every request still in flight.
 */
public final class CancellationRegistry {

    private final Map<String, Boolean> cancelled;

    public CancellationRegistry(int capacity) {
        this.cancelled = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        });
    }

    public void cancel(String requestId) {
        cancelled.put(requestId, Boolean.TRUE);
    }

    public boolean isCancelled(String requestId) {
        return cancelled.containsKey(requestId);
    }
}
