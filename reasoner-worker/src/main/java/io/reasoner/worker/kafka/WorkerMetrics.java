package io.reasoner.worker.kafka;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.reasoner.worker.session.SessionOutcome;

/**
 * The worker's meters, on {@code /actuator/prometheus}. Tokens are a counter: tokens/s is its rate
 * ({@code rate(reasoner_worker_tokens_total[1m])}).
 */
public final class WorkerMetrics {

    private final Timer timeToFirstChunk;
    private final Timer logRead;
    private final Counter tokens;
    private final DistributionSummary thinkingTokens;
    private final Counter capsFired;
    private final Counter extensions;
    private final Counter resumptions;
    private final Counter rejected;
    private final MeterRegistry registry;

    public WorkerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.timeToFirstChunk = Timer.builder("reasoner.worker.time.to.first.chunk")
                .description("From taking a request to its first chunk").publishPercentileHistogram()
                .register(registry);
        this.logRead = Timer.builder("reasoner.worker.log.read")
                .description("Reading a request's chunks and result back from the log before serving it, waits included")
                .publishPercentileHistogram().register(registry);
        this.tokens = Counter.builder("reasoner.worker.tokens").description("Thinking and answer tokens decoded")
                .register(registry);
        this.thinkingTokens = DistributionSummary.builder("reasoner.worker.thinking.tokens")
                .description("Thinking tokens per finished request").publishPercentileHistogram().register(registry);
        this.capsFired = Counter.builder("reasoner.worker.caps.fired")
                .description("Requests whose thinking the cap ended").register(registry);
        this.extensions = Counter.builder("reasoner.worker.extensions.injected")
                .description("Extensions (\"Wait\") injected").register(registry);
        this.resumptions = Counter.builder("reasoner.worker.resumptions")
                .description("Requests resumed from the chunk log after another worker stopped").register(registry);
        this.rejected = Counter.builder("reasoner.worker.rejected")
                .description("Request records dead-lettered as undecodable or invalid").register(registry);
    }

    /** Slot utilisation and queue lag, read when scraped. */
    public void gauges(Supplier<Number> slotsUsed, Supplier<Number> slotsTotal, Supplier<Number> queueLag) {
        Gauge.builder("reasoner.worker.slots.used", slotsUsed).register(registry);
        Gauge.builder("reasoner.worker.slots.capacity", slotsTotal).register(registry);
        Gauge.builder("reasoner.worker.slot.utilisation",
                () -> slotsUsed.get().doubleValue() / Math.max(1, slotsTotal.get().doubleValue())).register(registry);
        Gauge.builder("reasoner.worker.queue.lag", queueLag).description("Requests waiting on this worker's partitions")
                .register(registry);
    }

    void firstChunk(long millis) {
        timeToFirstChunk.record(millis, TimeUnit.MILLISECONDS);
    }

    void logRead(long nanos) {
        logRead.record(nanos, TimeUnit.NANOSECONDS);
    }

    void tokens(long count) {
        tokens.increment(count);
    }

    public double tokensTotal() {
        return tokens.count();
    }

    void finished(SessionOutcome outcome) {
        thinkingTokens.record(outcome.usage().thinkingTokens());
        if (outcome.forcing().capFired()) {
            capsFired.increment();
        }
        extensions.increment(outcome.forcing().extensionsUsed());
    }

    void resumed() {
        resumptions.increment();
    }

    void rejected() {
        rejected.increment();
    }
}
