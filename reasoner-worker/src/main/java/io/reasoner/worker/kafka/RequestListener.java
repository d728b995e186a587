package io.reasoner.worker.kafka;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

import io.reasoner.engine.budget.BudgetControl;
import io.reasoner.kafka.EventPublisher;
import io.reasoner.protocol.EventCodec;
import io.reasoner.protocol.MalformedEventException;
import io.reasoner.protocol.ReasoningChunk;
import io.reasoner.protocol.ReasoningRequest;
import io.reasoner.protocol.ReasoningResult;
import io.reasoner.protocol.ReasoningTopic;
import io.reasoner.worker.WorkerProperties;
import io.reasoner.worker.session.ReasoningSession;
import io.reasoner.worker.session.SessionOutcome;

/**
 * Consumes requests and serves each on the consuming thread: one consumer thread per decoding slot, one record
 * per poll, so a worker takes a new request only when a slot is free and holds no queue of its own. The offset is
 * committed after the result is acknowledged by the broker (at-least-once).
 */
public class RequestListener {

    private static final Logger log = LoggerFactory.getLogger(RequestListener.class);

    private final ReasoningSession session;
    private final EventPublisher publisher;
    private final EventCodec codec;
    private final CancellationRegistry cancellations;
    private final SlotGauge slots;
    private final WorkerProperties properties;
    private final String modelName;
    private final WorkerStatsPublisher stats;
    private final Clock clock;

    public RequestListener(ReasoningSession session, EventPublisher publisher, EventCodec codec,
            CancellationRegistry cancellations, SlotGauge slots, WorkerProperties properties, String modelName,
            WorkerStatsPublisher stats, Clock clock) {
        this.session = session;
        this.publisher = publisher;
        this.codec = codec;
        this.cancellations = cancellations;
        this.slots = slots;
        this.properties = properties;
        this.modelName = modelName;
        this.stats = stats;
        this.clock = clock;
    }

    @KafkaListener(id = "worker-requests", groupId = "reasoner-workers", topics = "reasoning.requests",
            concurrency = "${reasoner.worker.slots:2}")
    void onRequest(ConsumerRecord<String, byte[]> record) {
        ReasoningRequest request;
        try {
            request = codec.decode(record.value(), ReasoningRequest.class);
        } catch (MalformedEventException e) {
            rejectMalformed(record, e);
            return;
        }
        slots.acquire();
        try {
            serve(request);
        } finally {
            slots.release();
        }
    }

    private void serve(ReasoningRequest request) {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        SessionOutcome outcome;
        try {
            int[] tokensSoFar = {0};
            outcome = session.run(request, chunk -> {
                int total = chunk.thinkingTokens() + chunk.answerTokens();
                stats.recordTokens(total - tokensSoFar[0]);
                tokensSoFar[0] = total;
                sends.add(publisher.send(ReasoningTopic.CHUNKS, chunk));
            }, () -> cancellations.isCancelled(request.requestId()), new BudgetControl());
        } catch (RuntimeException e) {
            // An engine failure fails this request only; the worker goes on serving.
            log.warn("request {} failed in the engine", request.requestId(), e);
            outcome = SessionOutcome.failedAfter(e, sends.size());
        }
        awaitAll(sends, request.requestId());
        ReasoningResult result = new ReasoningResult(request.requestId(), request.tenant(), outcome.status(),
                outcome.thinking(), outcome.answer(), outcome.finishReason(), outcome.usage(),
                outcome.applied() != null ? outcome.applied() : request.budget(), outcome.forcing(),
                outcome.chunkCount(), outcome.error(), modelName, request.metadata(), clock.millis());
        publisher.sendAndWait(ReasoningTopic.RESULTS, result, properties.publishTimeout().toMillis());
    }

    /** A chunk that the broker never acknowledged would leave a gap; fail loudly so the record is redelivered. */
    private void awaitAll(List<CompletableFuture<?>> sends, String requestId) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublisher.PublishFailedException("interrupted publishing chunks of " + requestId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new EventPublisher.PublishFailedException("chunks of " + requestId + " were not acknowledged", e);
        }
    }

    private void rejectMalformed(ConsumerRecord<String, byte[]> record, MalformedEventException e) {
        String requestId = record.key() != null && !record.key().isBlank() ? record.key()
                : "malformed-" + record.partition() + "-" + record.offset();
        log.warn("rejecting malformed request {} at {}-{}@{}: {}", requestId, record.topic(), record.partition(),
                record.offset(), e.getMessage());
        publisher.sendAndWait(ReasoningTopic.RESULTS,
                ReasoningResult.failed(requestId, null, e.getMessage(), clock.millis()),
                properties.publishTimeout().toMillis());
    }

    /** Count of busy decoding slots, for heartbeats and metrics. */
    public static final class SlotGauge {
        private final java.util.concurrent.atomic.AtomicInteger used = new java.util.concurrent.atomic.AtomicInteger();
        private final int total;

        public SlotGauge(int total) {
            this.total = total;
        }

        void acquire() {
            used.incrementAndGet();
        }

        void release() {
            used.decrementAndGet();
        }

        public int used() {
            return used.get();
        }

        public int total() {
            return total;
        }
    }
}
