package io.reasoner.gateway.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.reasoner.protocol.ReasoningChunk;
import io.reasoner.protocol.ReasoningResult;

/**
 * What this gateway knows of one request: its chunks in sequence order and, once it ends, its result.
 *
 * <p>Chunks are kept by sequence number with no gaps: a chunk whose {@code seq} was already seen is dropped as a
 * duplicate, and one that arrives ahead of a missing predecessor waits until the gap is filled. Listeners are
 * told after every change; they must not block. Thread-safe.
 */
public final class TrackedRequest {

    private final String requestId;
    private final long trackedSinceMs;
    private volatile String tenant;
    private final List<ReasoningChunk> chunks = new ArrayList<>();
    /** {@code producedAtMs[seq]}: when chunk {@code seq} was produced (its record's timestamp), 0 if unknown. */
    private long[] producedAtMs = new long[16];
    private final TreeMap<Long, Pending> ahead = new TreeMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private ReasoningResult result;
    private long resultSeenAtMs;
    /** True once this gateway holds every chunk from seq 0 on: it saw the request live, or read it from the log. */
    private volatile boolean fromStart;

    TrackedRequest(String requestId, String tenant, long trackedSinceMs) {
        this.requestId = requestId;
        this.tenant = tenant;
        this.trackedSinceMs = trackedSinceMs;
    }

    public String requestId() {
        return requestId;
    }

    /** The owning tenant, or null while only chunks of the request have been seen. */
    public String tenant() {
        return tenant;
    }

    void learnTenant(String owner) {
        if (tenant == null) {
            tenant = owner;
        }
    }

    void markFromStart() {
        fromStart = true;
    }

    /**
     * True when this gateway cannot serve the request from memory alone: it never saw the request record (so
     * the owner is unknown) or the beginning of its chunks, e.g. because it started after the request did.
     */
    public synchronized boolean needsReplay() {
        return !fromStart || tenant == null || !ahead.isEmpty();
    }

    long trackedSinceMs() {
        return trackedSinceMs;
    }

    /** A chunk that arrived ahead of a missing predecessor. */
    private record Pending(ReasoningChunk chunk, long producedAtMs) {
    }

    /** A chunk read back from the log, whose production time is not known here. */
    boolean addChunk(ReasoningChunk chunk) {
        return addChunk(chunk, 0);
    }

    /**
     * @param producedAtMs when the chunk was produced (its Kafka record's timestamp), epoch ms; 0 if unknown
     * @return false if the chunk was a duplicate
     */
    boolean addChunk(ReasoningChunk chunk, long producedAtMs) {
        synchronized (this) {
            long next = chunks.size();
            if (chunk.seq() < next || ahead.containsKey(chunk.seq())) {
                return false;
            }
            if (chunk.seq() > next) {
                ahead.put(chunk.seq(), new Pending(chunk, producedAtMs));
            } else {
                append(chunk, producedAtMs);
                while (!ahead.isEmpty() && ahead.firstKey() == chunks.size()) {
                    Pending pending = ahead.pollFirstEntry().getValue();
                    append(pending.chunk(), pending.producedAtMs());
                }
            }
        }
        notifyListeners();
        return true;
    }

    private void append(ReasoningChunk chunk, long producedAt) {
        if (chunks.size() == producedAtMs.length) {
            producedAtMs = java.util.Arrays.copyOf(producedAtMs, producedAtMs.length * 2);
        }
        producedAtMs[chunks.size()] = producedAt;
        chunks.add(chunk);
    }

    /** When chunk {@code seq} was produced (its record's timestamp), epoch ms; 0 if unknown or not arrived. */
    public synchronized long producedAtMs(long seq) {
        return seq >= 0 && seq < chunks.size() ? producedAtMs[(int) seq] : 0;
    }

    void complete(ReasoningResult finished, long nowMs) {
        synchronized (this) {
            if (result != null) {
                return;
            }
            result = finished;
            resultSeenAtMs = nowMs;
            learnTenant(finished.tenant());
        }
        notifyListeners();
    }

    /** Chunks with {@code seq >= fromSeq} that have arrived without a gap. */
    public synchronized List<ReasoningChunk> chunksFrom(long fromSeq) {
        if (fromSeq >= chunks.size()) {
            return List.of();
        }
        return List.copyOf(chunks.subList((int) Math.max(0, fromSeq), chunks.size()));
    }

    public synchronized ReasoningResult result() {
        return result;
    }

    /** When this gateway saw the result, by its own clock (0 before). */
    public synchronized long resultSeenAtMs() {
        return resultSeenAtMs;
    }

    /** True once the result is in and every chunk it counts has arrived. */
    public synchronized boolean complete() {
        return result != null && chunks.size() >= result.chunkCount();
    }

    /**
     * True once a stream may send its final event: the result is in and every chunk it counts has arrived, or
     * {@code graceMs} have passed since the result (chunks and results travel on different topics; a chunk that
     * never comes must not hold the stream open for ever).
     */
    public synchronized boolean readyToEnd(long nowMs, long graceMs) {
        return result != null && (complete() || nowMs - resultSeenAtMs > graceMs);
    }

    public synchronized RequestStatus status() {
        if (result != null) {
            return switch (result.status()) {
                case DONE -> RequestStatus.DONE;
                case FAILED -> RequestStatus.FAILED;
                case CANCELLED -> RequestStatus.CANCELLED;
            };
        }
        return chunks.isEmpty() ? RequestStatus.QUEUED : RequestStatus.RUNNING;
    }

    /** True while some listener (a client's stream or completion) is subscribed. */
    public boolean watched() {
        return !listeners.isEmpty();
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void notifyListeners() {
        listeners.forEach(Runnable::run);
    }
}
