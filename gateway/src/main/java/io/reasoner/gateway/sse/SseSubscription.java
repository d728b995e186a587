package io.reasoner.gateway.sse;

import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
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
final class SseSubscription implements Runnable {

    private final TrackedRequest request;
    private final SseEmitter emitter;
    private final EventCodec codec;
    private final Executor executor;
    private final LongSupplier clockMs;
    private final long doneGraceMs;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private long nextSeq;

    SseSubscription(TrackedRequest request, SseEmitter emitter, EventCodec codec, Executor executor,
            LongSupplier clockMs, long doneGraceMs, long fromSeq) {
        this.request = request;
        this.emitter = emitter;
        this.codec = codec;
        this.executor = executor;
        this.clockMs = clockMs;
        this.doneGraceMs = doneGraceMs;
        this.nextSeq = fromSeq;
    }

    /** Asks for a drain; cheap and non-blocking, safe to call from any thread. */
    void signal() {
        if (!closed.get() && scheduled.compareAndSet(false, true)) {
            executor.execute(this);
        }
    }

    @Override
    public void run() {
        // Cleared before draining: a signal that arrives mid-drain schedules another pass, so nothing is missed.
        scheduled.set(false);
        synchronized (this) {
            if (closed.get()) {
                return;
            }
            try {
                drain();
            } catch (IOException | IllegalStateException e) {
                // The client went away; the request itself goes on (the log keeps every chunk for a reconnect).
                close();
            }
        }
    }

    void heartbeat() {
        synchronized (this) {
            if (closed.get()) {
                return;
            }
            try {
                emitter.send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | IllegalStateException e) {
                close();
            }
        }
    }

    boolean closed() {
        return closed.get();
    }

    void close() {
        if (closed.compareAndSet(false, true)) {
            emitter.complete();
        }
    }

    private void drain() throws IOException {
        for (ReasoningChunk chunk : request.chunksFrom(nextSeq)) {
            emitter.send(SseEmitter.event()
                    .id(Long.toString(chunk.seq()))
                    .name(chunk.control() != null ? "control" : chunk.phase().wireName())
                    .data(codec.encodeBody(chunk), org.springframework.http.MediaType.APPLICATION_JSON));
            nextSeq = chunk.seq() + 1;
        }
        ReasoningResult result = request.result();
        if (result != null && (request.complete() || waitedLongEnoughForChunks())) {
            emitter.send(SseEmitter.event()
                    .name("done")
                    .data(codec.encodeBody(result), org.springframework.http.MediaType.APPLICATION_JSON));
            close();
        }
    }

    private boolean waitedLongEnoughForChunks() {
        return clockMs.getAsLong() - request.resultSeenAtMs() > doneGraceMs;
    }
}
