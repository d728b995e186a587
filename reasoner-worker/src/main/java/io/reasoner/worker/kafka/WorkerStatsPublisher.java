package io.reasoner.worker.kafka;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.scheduling.annotation.Scheduled;

import io.reasoner.kafka.EventPublisher;
import io.reasoner.protocol.ReasoningTopic;
import io.reasoner.protocol.WorkerStats;

/** Publishes a {@link WorkerStats} heartbeat every {@code reasoner.worker.stats-interval}. */
public class WorkerStatsPublisher {

    private final EventPublisher publisher;
    private final RequestListener.SlotGauge slots;
    private final String workerId;
    private final String model;
    private final String device;
    private final Clock clock;
    private final AtomicLong tokens = new AtomicLong();
    private long lastTokens;
    private long lastMs;

    public WorkerStatsPublisher(EventPublisher publisher, RequestListener.SlotGauge slots, String workerId,
            String model, String device, Clock clock) {
        this.publisher = publisher;
        this.slots = slots;
        this.workerId = workerId;
        this.model = model;
        this.device = device;
        this.clock = clock;
        this.lastMs = clock.millis();
    }

    /** Called by decoding loops with the number of tokens just decoded. */
    public void recordTokens(long count) {
        tokens.addAndGet(count);
    }

    @Scheduled(fixedRateString = "${reasoner.worker.stats-interval:1s}")
    synchronized void publish() {
        long now = clock.millis();
        long total = tokens.get();
        double perSecond = now > lastMs ? (total - lastTokens) * 1000.0 / (now - lastMs) : 0.0;
        lastTokens = total;
        lastMs = now;
        // Fire and forget: a lost heartbeat is replaced by the next one a second later. Queue lag is not measured
        // yet and is reported as 0; the policy service must not read it as "no backlog" until it is.
        publisher.send(ReasoningTopic.WORKER_STATS,
                new WorkerStats(workerId, model, device, slots.used(), slots.total(), perSecond, 0, now));
    }
}
