package io.reasoner.gateway.stream;

import java.util.List;
import java.util.Optional;

import io.reasoner.protocol.ReasoningChunk;
import io.reasoner.protocol.ReasoningRequest;
import io.reasoner.protocol.ReasoningResult;

/**
 * The durable record of requests, read back for a request this gateway did not see from its start: one that
 * began before this instance started, on another instance, or was dropped from memory. The event log is the
 * source of truth; memory is only a cache of it.
 */
public interface RequestLog {

    /**
     * Reads everything the log holds of one request, up to the log's end at the time of the call. Events written
     * after that are delivered live to the registry, so the two together miss nothing.
     *
     * @return empty if the log has no request record with this id within the look-back period
     * @throws RequestLogUnavailableException if the log cannot be read completely within the time bound
     */
    Optional<History> read(String requestId);

    /**
     * @param chunks in log order, possibly with duplicates (at-least-once delivery); the registry orders and
     *               de-duplicates them by {@code seq}
     * @param result the result, or null while the request runs
     */
    record History(ReasoningRequest request, List<ReasoningChunk> chunks, ReasoningResult result) {
        public History {
            if (request == null) {
                throw new IllegalArgumentException("request must not be null");
            }
            chunks = List.copyOf(chunks);
        }
    }
}
