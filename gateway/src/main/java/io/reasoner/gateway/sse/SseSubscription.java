package io.reasoner.gateway.sse;

import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.reasoner.gateway.stream.TrackedRequest;
import io.reasoner.protocol.EventCodec;
import io.reasoner.protocol.ReasoningChunk;
import io.reasoner.protocol.ReasoningResult;

/**
 * One client's SSE stream of one request. Each chunk becomes an event named after its phase ({@code thinking},
 * {@code answer}), or {@code control} for a budget-forcing moment, with {@code id:} set to its sequence number;
 * the result becomes a final {@code done} event, after which the stream closes.
 *
 * <p>Writes happen on a shared executor, never on the Kafka listener thread, and at most one drain runs at a
 * time per subscription, so events go out in order and a slow client cannot stall the consumer.
 */
final class SseSubscription extends SerializedStream {

    private final TrackedRequest request;
    private final SseEmitter emitter;
    private final EventCodec codec;
    private final LongSupplier clockMs;
    private final long doneGraceMs;
    private final DeliveryLatency latency;
    private final long subscribedAtMs;
    private long nextSeq;

    SseSubscription(TrackedRequest request, SseEmitter emitter, EventCodec codec, Executor executor,
            LongSupplier clockMs, long doneGraceMs, long fromSeq, DeliveryLatency latency) {
        super(executor);
        this.latency = latency;
        this.subscribedAtMs = clockMs.getAsLong();
        this.request = request;
        this.emitter = emitter;
        this.codec = codec;
        this.clockMs = clockMs;
        this.doneGraceMs = doneGraceMs;
        this.nextSeq = fromSeq;
    }

    @Override
    protected void writeHeartbeat() throws IOException {
        emitter.send(SseEmitter.event().comment("heartbeat"));
    }

    /** The client went away; the request itself goes on (the log keeps every chunk for a reconnect). */
    @Override
    protected void clientGone() {
        close();
    }

    void close() {
        if (markClosed()) {
            emitter.complete();
        }
    }

    @Override
    protected void drain() throws IOException {
        for (ReasoningChunk chunk : request.chunksFrom(nextSeq)) {
            emitter.send(SseEmitter.event()
                    .id(Long.toString(chunk.seq()))
                    .name(chunk.control() != null ? "control" : chunk.phase().wireName())
                    .data(codec.encodeBody(chunk.withoutResume()),
                            org.springframework.http.MediaType.APPLICATION_JSON));
            latency.recordWrite(request.producedAtMs(chunk.seq()), subscribedAtMs, clockMs.getAsLong());
            nextSeq = chunk.seq() + 1;
        }
        if (request.readyToEnd(clockMs.getAsLong(), doneGraceMs)) {
            ReasoningResult result = request.result();
            emitter.send(SseEmitter.event()
                    .name("done")
                    .data(codec.encodeBody(result), org.springframework.http.MediaType.APPLICATION_JSON));
            close();
        }
    }

}
