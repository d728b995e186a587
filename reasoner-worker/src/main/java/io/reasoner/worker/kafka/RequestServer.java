package io.reasoner.worker.kafka;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reasoner.engine.budget.BudgetControl;
import io.reasoner.kafka.EventPublisher;
import io.reasoner.protocol.Budget;
import io.reasoner.protocol.EventCodec;
import io.reasoner.protocol.FinishReason;
import io.reasoner.protocol.Forcing;
import io.reasoner.protocol.MalformedEventException;
import io.reasoner.protocol.ReasoningChunk;
import io.reasoner.protocol.ReasoningRequest;
import io.reasoner.protocol.ReasoningResult;
import io.reasoner.protocol.ReasoningTopic;
import io.reasoner.protocol.ResultStatus;
import io.reasoner.protocol.Usage;
import io.reasoner.worker.WorkerProperties;
import io.reasoner.worker.intake.RequestHandler;
import io.reasoner.worker.session.ReasoningSession;
import io.reasoner.worker.session.SessionOutcome;
import io.reasoner.worker.tracing.ResultSpans;

/**
 * Serves one request record on a slot thread: decodes it, runs the session, publishes its chunks and then its
 * result. A record that cannot be served at all becomes a failed result and a dead letter; an engine error fails
 * that request only.
 */
public class RequestServer implements RequestHandler {

    private static final Logger log = LoggerFactory.getLogger(RequestServer.class);

    private final ReasoningSession session;
    private final EventPublisher publisher;
    private final DeadLetters deadLetters;
    private final BudgetPolicies policies;
    private final ChunkLog chunkLog;
    private final EventCodec codec;
    private final CancellationRegistry cancellations;
    private final WorkerProperties properties;
    private final String modelName;
    private final WorkerMetrics metrics;
    private final Clock clock;

    public RequestServer(ReasoningSession session, EventPublisher publisher, DeadLetters deadLetters,
            BudgetPolicies policies, ChunkLog chunkLog, EventCodec codec, CancellationRegistry cancellations, WorkerProperties properties, String modelName,
            WorkerMetrics metrics, Clock clock) {
        this.session = session;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.policies = policies;
        this.chunkLog = chunkLog;
        this.codec = codec;
        this.cancellations = cancellations;
        this.properties = properties;
        this.modelName = modelName;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Handled handle(ConsumerRecord<String, byte[]> record, boolean mayHaveHistory, BooleanSupplier handedOver) {
        ReasoningRequest request;
        try {
            request = codec.decode(record.value(), ReasoningRequest.class);
        } catch (MalformedEventException e) {
            reject(record, e.getMessage());
            return Handled.DONE;
        }
        ChunkLog.History history = mayHaveHistory ? readHistory(request) : ChunkLog.History.NONE;
        if (history.result().isPresent()) {
            // Served before, but its offset was not committed (a request below it was still running).
            log.info("request {} already has a result; not serving it again", request.requestId());
            return Handled.DONE;
        }
        if (request.deadlineMs() != null && clock.millis() >= request.deadlineMs()) {
            publishResult(request, deadlinePassed(request));
            return Handled.DONE;
        }
        return serve(request, history.chunks(), handedOver);
    }

    private ChunkLog.History readHistory(ReasoningRequest request) {
        long readStart = System.nanoTime();
        ChunkLog.History history = chunkLog.read(request.requestId(), request.createdAtMs());
        metrics.logRead(System.nanoTime() - readStart);
        return history;
    }

    /**
     * Runs the request, or continues it after {@code streamed}, the chunks another worker wrote before it stopped
     * (the log holds them; this worker writes from the next sequence number on).
     */
    private Handled serve(ReasoningRequest request, List<ReasoningChunk> streamed, BooleanSupplier handedOver) {
        long startMs = clock.millis();
        if (!streamed.isEmpty()) {
            log.info("resuming request {} from seq {}", request.requestId(), streamed.size());
            metrics.resumed();
        }
        List<CompletableFuture<?>> sends = new ArrayList<>();
        SessionOutcome outcome;
        Budget requested = request.budget();
        Budget granted = fitted(request, policies.grant(request.priority(), requested));
        BudgetControl control = new BudgetControl();
        try (BudgetPolicies.Registration following = policies.register(request.requestId(), request.priority(),
                requested, granted, control)) {
            ReasoningRequest effective = request.withBudget(granted);
            ReasoningChunk last = streamed.isEmpty() ? null : streamed.get(streamed.size() - 1);
            int[] tokensSoFar = {last == null ? 0 : last.thinkingTokens() + last.answerTokens()};
            BooleanSupplier stop = () -> cancellations.isCancelled(request.requestId()) || handedOver.getAsBoolean();
            Consumer<ReasoningChunk> sink = chunk -> {
                if (sends.isEmpty()) {
                    metrics.firstChunk(clock.millis() - startMs);
                }
                int total = chunk.thinkingTokens() + chunk.answerTokens();
                metrics.tokens(total - tokensSoFar[0]);
                tokensSoFar[0] = total;
                sends.add(publisher.send(ReasoningTopic.CHUNKS, chunk));
            };
            outcome = streamed.isEmpty() ? session.run(effective, sink, stop, control)
                    : session.resume(effective, streamed, sink, stop, control);
        } catch (RuntimeException e) {
            // An engine failure fails this request only; the worker goes on serving.
            log.warn("request {} failed in the engine", request.requestId(), e);
            outcome = SessionOutcome.failedAfter(e, streamed.size() + sends.size());
        }
        awaitAll(sends, request.requestId());
        if (outcome.status() == ResultStatus.CANCELLED && handedOver.getAsBoolean()
                && !cancellations.isCancelled(request.requestId())) {
            log.info("request {} handed over after {} chunk(s)", request.requestId(), streamed.size() + sends.size());
            return Handled.HANDED_OVER;
        }
        metrics.finished(outcome);
        publishResult(request, result(request, outcome));
        return Handled.DONE;
    }

    /**
     * A policy may grant more thinking than was asked (idle capacity); never more than the request's sequence can
     * hold, so a grant alone never makes a request fail. What was asked is checked as it always is.
     */
    private Budget fitted(ReasoningRequest request, Budget granted) {
        if (granted.maxThinkingTokens() <= request.budget().maxThinkingTokens()) {
            return granted;
        }
        int cap = Math.max(request.budget().maxThinkingTokens(),
                Math.min(granted.maxThinkingTokens(), session.thinkingRoom(request)));
        return new Budget(cap, Math.min(granted.minThinkingTokens(), cap), granted.extensions(),
                granted.extensionText(), granted.forcedAnswerPrefix(), granted.maxAnswerTokens());
    }

    private ReasoningResult result(ReasoningRequest request, SessionOutcome outcome) {
        return new ReasoningResult(request.requestId(), request.tenant(), outcome.status(), outcome.thinking(),
                outcome.answer(), outcome.finishReason(), outcome.usage(),
                outcome.applied() != null ? outcome.applied() : request.budget(), outcome.forcing(),
                outcome.chunkCount(), outcome.error(), modelName, request.metadata(), clock.millis());
    }

    private ReasoningResult deadlinePassed(ReasoningRequest request) {
        return new ReasoningResult(request.requestId(), request.tenant(), ResultStatus.FAILED, "", "",
                FinishReason.DEADLINE, new Usage(0, 0, 0), request.budget(), Forcing.NONE, 0,
                "deadline passed before the request started", modelName, request.metadata(), clock.millis());
    }

    private void publishResult(ReasoningRequest request, ReasoningResult result) {
        ResultSpans.record(result);
        publisher.sendAndWait(ReasoningTopic.RESULTS, result, properties.publishTimeout().toMillis());
        log.debug("request {} ended {}", request.requestId(), result.status());
    }

    /** A chunk that the broker never acknowledged would leave a gap; fail loudly so the record is served again. */
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

    /** Undecodable or invalid: a failed result for whoever waits on the id, and the record kept as a dead letter. */
    private void reject(ConsumerRecord<String, byte[]> record, String reason) {
        String requestId = record.key() != null && !record.key().isBlank() ? record.key()
                : "malformed-" + record.topic() + "-" + record.partition() + "-" + record.offset();
        log.warn("rejecting malformed request {} at {}-{}@{}: {}", requestId, record.topic(), record.partition(),
                record.offset(), reason);
        metrics.rejected();
        deadLetters.send(record, reason);
        ReasoningResult failed = ReasoningResult.failed(requestId, null, reason, clock.millis());
        ResultSpans.record(failed);
        publisher.sendAndWait(ReasoningTopic.RESULTS, failed, properties.publishTimeout().toMillis());
    }
}
