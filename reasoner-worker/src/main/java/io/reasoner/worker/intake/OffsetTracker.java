package io.reasoner.worker.intake;

import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * Which offset of one partition may be committed when its requests finish out of order.
 *
 * <p>Kafka keeps one committed offset per partition: "everything before this is done". A worker serves several
 * requests of a partition at once and they finish in any order, so the committable offset is the lowest offset
 * still in flight (that request and everything after it must be redelivered if the worker dies), or, with nothing
 * in flight, one past the highest offset taken. A request that finished above a gap is therefore redelivered
 * after a crash; the worker recognises it by its result already being in the log.
 *
 * <p>Confined to the intake thread.
 */
final class OffsetTracker {

    private final TreeSet<Long> inFlight = new TreeSet<>();
    private long next = -1; // one past the highest offset taken; -1 before the first
    private long committed = -1;

    void taken(long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset);
        }
        if (!inFlight.add(offset)) {
            throw new IllegalStateException("offset " + offset + " is already in flight");
        }
        next = Math.max(next, offset + 1);
    }

    /** @throws IllegalStateException if {@code offset} was not in flight */
    void finished(long offset) {
        if (!inFlight.remove(offset)) {
            throw new IllegalStateException("offset " + offset + " was not in flight");
        }
    }

    /** The offset to commit now, if it moved since the last {@link #committed}; empty if nothing new. */
    OptionalLong toCommit() {
        long candidate = inFlight.isEmpty() ? next : inFlight.first();
        return candidate > committed ? OptionalLong.of(candidate) : OptionalLong.empty();
    }

    void committed(long offset) {
        committed = Math.max(committed, offset);
    }

    boolean isInFlight(long offset) {
        return inFlight.contains(offset);
    }

    int inFlightCount() {
        return inFlight.size();
    }
}
