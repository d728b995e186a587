package io.reasoner.worker.kafka;

import java.time.Clock;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

import org.springframework.scheduling.annotation.Scheduled;

import io.reasoner.kafka.EventPublisher;
import io.reasoner.worker.intake.SlotPool;
import io.reasoner.protocol.ReasoningTopic;
import io.reasoner.protocol.WorkerStats;

/** Publishes a {@link WorkerStats} heartbeat every {@code reasoner.worker.stats-interval}. */
public class WorkerStatsPublisher {

    private final EventPublisher publisher;
    private final SlotPool slots;
    private final LongSupplier queueLag;
    private final DoubleSupplier tokensTotal;
    private final String workerId;
    private final String model;
    private final String device;
    private final Clock clock;
    private double lastTokens;
    private long lastMs;

    public WorkerStatsPublisher(EventPublisher publisher, SlotPool slots, LongSupplier queueLag,
            DoubleSupplier tokensTotal, String workerId, String model, String device, Clock clock) {
        this.publisher = publisher;
        this.slots = slots;
        this.queueLag = queueLag;
        this.tokensTotal = tokensTotal;
        this.workerId = workerId;
        this.model = model;
        this.device = device;
        this.clock = clock;
        this.lastMs = clock.millis();
    }

    @Scheduled(fixedRateString = "${reasoner.worker.stats-interval:1s}")
    synchronized void publish() {
        long now = clock.millis();
        double total = tokensTotal.getAsDouble();
        double perSecond = now > lastMs ? (total - lastTokens) * 1000.0 / (now - lastMs) : 0.0;
        lastTokens = total;
        lastMs = now;
        // Fire and forget: a lost heartbeat is replaced by the next one a second later.
        publisher.send(ReasoningTopic.WORKER_STATS, new WorkerStats(workerId, model, device, slots.used(),
                slots.total(), perSecond, queueLag.getAsLong(), now));
    }
}
