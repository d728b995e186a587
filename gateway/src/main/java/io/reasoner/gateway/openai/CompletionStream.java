package io.reasoner.gateway.openai;

import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import io.reasoner.gateway.stream.TrackedRequest;
import io.reasoner.protocol.ReasoningChunk;
import io.reasoner.protocol.ReasoningResult;
import io.reasoner.protocol.ResultStatus;

/**
 * Drains one tracked request into an OpenAI stream: the role chunk, a delta per chunk of text in sequence order,
 * then the finishing chunk (or an error event if the request failed), the usage chunk when asked for, and
 * {@code [DONE]}.
 *
 * <p>Like the native {@code SseSubscription}: writes happen on a shared executor, never on the Kafka listener
 * thread, at most one drain at a time, so events go out in order and a slow client cannot stall the consumer.
 * Unlike it, a client that goes away before the result ends the request too: {@code whenAbandoned} runs once.
 */
final class CompletionStream implements Runnable {

    /** Where events go. A String is written as is ({@code [DONE]}), anything else as JSON. */
    interface Sink {
        void send(Object event) throws IOException;

        void comment(String text) throws IOException;

        void complete();
    }

    static final String DONE = "[DONE]";

    private final TrackedRequest request;
    private final Sink sink;
    private final CompletionShaper shaper;
    private final boolean includeUsage;
    private final Executor executor;
    private final LongSupplier clockMs;
    private final long doneGraceMs;
    private final Runnable whenAbandoned;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private boolean roleSent;
    private long nextSeq;

    CompletionStream(TrackedRequest request, Sink sink, CompletionShaper shaper, boolean includeUsage,
            Executor executor, LongSupplier clockMs, long doneGraceMs, Runnable whenAbandoned) {
        this.request = request;
        this.sink = sink;
        this.shaper = shaper;
        this.includeUsage = includeUsage;
        this.executor = executor;
        this.clockMs = clockMs;
        this.doneGraceMs = doneGraceMs;
        this.whenAbandoned = whenAbandoned;
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
                abandon();
            }
        }
    }

    /** A comment line, so proxies keep an idle stream open and a vanished client is noticed. */
    void heartbeat() {
        synchronized (this) {
            if (closed.get()) {
                return;
            }
            try {
                sink.comment("heartbeat");
            } catch (IOException | IllegalStateException e) {
                abandon();
            }
        }
    }

    /**
     * The client is gone (a write failed, the connection broke, or the stream timed out): stop writing and, if the
     * request has not ended, run {@code whenAbandoned}. Does nothing once the stream has ended.
     */
    void abandon() {
        // Under the lock, so the sink is never completed in the middle of a drain's write.
        synchronized (this) {
            if (closed.compareAndSet(false, true)) {
                sink.complete();
                if (request.result() == null) {
                    whenAbandoned.run();
                }
            }
        }
    }

    /** Ends the stream without further events and without {@code whenAbandoned}, e.g. at shutdown. */
    void stop() {
        synchronized (this) {
            if (closed.compareAndSet(false, true)) {
                sink.complete();
            }
        }
    }

    boolean closed() {
        return closed.get();
    }

    private void drain() throws IOException {
        if (!roleSent) {
            sink.send(shaper.role());
            roleSent = true;
        }
        for (ReasoningChunk chunk : request.chunksFrom(nextSeq)) {
            var delta = shaper.delta(chunk);
            if (delta.isPresent()) {
                sink.send(delta.get());
            }
            nextSeq = chunk.seq() + 1;
        }
        ReasoningResult result = request.result();
        if (result != null && (request.complete() || waitedLongEnoughForChunks())) {
            finish(result);
        }
    }

    private void finish(ReasoningResult result) throws IOException {
        if (result.status() == ResultStatus.FAILED) {
            sink.send(OpenAiErrors.describe(new ReasoningFailedException(result)).body());
        } else {
            sink.send(shaper.finish(result));
            if (includeUsage) {
                sink.send(shaper.usage(result));
            }
        }
        sink.send(DONE);
        stop();
    }

    private boolean waitedLongEnoughForChunks() {
        return clockMs.getAsLong() - request.resultSeenAtMs() > doneGraceMs;
    }
}
