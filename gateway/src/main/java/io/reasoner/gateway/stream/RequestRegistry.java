package io.reasoner.gateway.stream;

import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.reasoner.protocol.ReasoningChunk;
import io.reasoner.protocol.ReasoningRequest;
import io.reasoner.protocol.ReasoningResult;

/**
 * The requests this gateway instance knows, fed from the request, chunk and result topics. Bounded: finished
 * requests are dropped after the retention period, and past {@code maxTracked} the oldest are dropped first.
 */
public final class RequestRegistry {

    private final Map<String, TrackedRequest> requests = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long retentionMs;
    private final int maxTracked;

    public RequestRegistry(Clock clock, long retentionMs, int maxTracked) {
        if (maxTracked < 1) {
            throw new IllegalArgumentException("maxTracked must be >= 1, was " + maxTracked);
        }
        this.clock = clock;
        this.retentionMs = retentionMs;
        this.maxTracked = maxTracked;
    }

    /**
     * A request submitted here or seen live on the request topic: every chunk of it comes after this moment, so
     * this instance will see them all.
     */
    public TrackedRequest accept(ReasoningRequest request) {
        TrackedRequest tracked = learn(request);
        tracked.markFromStart();
        return tracked;
    }

    /** A request read back from the log: its owner is known, its earlier chunks are not (yet). */
    public TrackedRequest learn(ReasoningRequest request) {
        TrackedRequest tracked = track(request.requestId(), request.tenant());
        tracked.learnTenant(request.tenant());
        return tracked;
    }

    public void onChunk(ReasoningChunk chunk) {
        onChunk(chunk, 0);
    }

    /** A chunk seen live, produced at {@code producedAtMs} (its record's timestamp, epoch ms; 0 if unknown). */
    public void onChunk(ReasoningChunk chunk, long producedAtMs) {
        track(chunk.requestId(), null).addChunk(chunk, producedAtMs);
    }

    public void onResult(ReasoningResult result) {
        track(result.requestId(), result.tenant()).complete(result, clock.millis());
    }

    /**
     * Reads a request back from the log and merges it with what arrived live: chunks are de-duplicated and
     * ordered by {@code seq}, so the merge has neither gap nor duplicate whichever copy of a chunk came first.
     *
     * @return empty, with nothing tracked, if the log has no record of the request
     */
    public Optional<TrackedRequest> recover(String requestId, RequestLog log) {
        Optional<RequestLog.History> history = log.read(requestId);
        if (history.isEmpty()) {
            return Optional.empty();
        }
        TrackedRequest tracked = learn(history.get().request());
        history.get().chunks().forEach(tracked::addChunk);
        if (history.get().result() != null) {
            tracked.complete(history.get().result(), clock.millis());
        }
        tracked.markFromStart();
        return Optional.of(tracked);
    }

    public Optional<TrackedRequest> find(String requestId) {
        return Optional.ofNullable(requests.get(requestId));
    }

    /** True when a client of this instance waits on the request (a stream or a completion is subscribed). */
    public boolean watched(String requestId) {
        TrackedRequest tracked = requests.get(requestId);
        return tracked != null && tracked.watched();
    }

    /** Forgets a request whose creation failed, so nothing is left half-created. */
    public void forget(String requestId) {
        requests.remove(requestId);
    }

    /** Requests of {@code tenant} with no result yet, queued or running; O(tracked requests). */
    public int outstanding(String tenant) {
        int count = 0;
        for (TrackedRequest request : requests.values()) {
            if (tenant.equals(request.tenant()) && request.result() == null) {
                count++;
            }
        }
        return count;
    }

    public int size() {
        return requests.size();
    }

    /** Drops expired and surplus requests; called periodically. */
    public void evict() {
        long now = clock.millis();
        requests.values().removeIf(r -> r.result() != null && now - r.resultSeenAtMs() > retentionMs);
        int surplus = requests.size() - maxTracked;
        if (surplus > 0) {
            requests.values().stream()
                    .sorted(Comparator.comparing((TrackedRequest r) -> r.result() == null)
                            .thenComparingLong(TrackedRequest::trackedSinceMs))
                    .limit(surplus)
                    .toList()
                    .forEach(r -> requests.remove(r.requestId()));
        }
    }

    private TrackedRequest track(String requestId, String tenant) {
        return requests.computeIfAbsent(requestId, id -> new TrackedRequest(id, tenant, clock.millis()));
    }
}
