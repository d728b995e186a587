package io.reasoner.gateway.openai;

import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

import io.reasoner.gateway.sse.SerializedStream;
import io.reasoner.gateway.stream.TrackedRequest;
import io.reasoner.protocol.ReasoningChunk;
import io.reasoner.protocol.ReasoningResult;
import io.reasoner.protocol.ResultStatus;

/**
 * Drains one tracked request into an OpenAI stream: the role chunk, a delta per chunk of text in sequence order,
 * then the finishing chunk (or an error event if the request failed), the usage chunk when asked for, and
 * {@code [DONE]}.
 *
 * <p>Written like every {@link SerializedStream}; unlike the native stream, a client that goes away before the
 * result ends the request too: {@code whenAbandoned} runs once.
 */
final class CompletionStream extends SerializedStream {

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
    private final LongSupplier clockMs;
    private final long doneGraceMs;
    private final Runnable whenAbandoned;
    private boolean roleSent;
    private long nextSeq;

    CompletionStream(TrackedRequest request, Sink sink, CompletionShaper shaper, boolean includeUsage,
            Executor executor, LongSupplier clockMs, long doneGraceMs, Runnable whenAbandoned) {
        super(executor);
        this.request = request;
        this.sink = sink;
        this.shaper = shaper;
        this.includeUsage = includeUsage;
        this.clockMs = clockMs;
        this.doneGraceMs = doneGraceMs;
        this.whenAbandoned = whenAbandoned;
    }

    @Override
    protected void writeHeartbeat() throws IOException {
        sink.comment("heartbeat");
    }

    @Override
    protected void clientGone() {
        abandon();
    }

    /**
     * The client is gone (a write failed, the connection broke, or the stream timed out): stop writing and, if the
     * request has not ended, run {@code whenAbandoned}. Does nothing once the stream has ended.
     */
    void abandon() {
        // Under the lock, so the sink is never completed in the middle of a drain's write.
        synchronized (this) {
            if (markClosed()) {
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
            if (markClosed()) {
                sink.complete();
            }
        }
    }


    @Override
    protected void drain() throws IOException {
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
        if (request.readyToEnd(clockMs.getAsLong(), doneGraceMs)) {
            ReasoningResult result = request.result();
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

}
