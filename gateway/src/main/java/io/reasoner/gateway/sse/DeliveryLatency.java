package io.reasoner.gateway.sse;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The latency this gateway adds to a streamed chunk: from the chunk's production (its Kafka record's timestamp,
 * set by the worker's producer) to the end of its SSE write here, i.e. Kafka's hop plus this gateway's consume,
 * bookkeeping and flushed write. Only chunks produced while the client was subscribed count: the backlog a
 * reconnecting client catches up on measures its absence, not the gateway. Millisecond resolution; across hosts it
 * includes their clock offset. Exposed as the histogram {@value #NAME} (Prometheus
 * {@code reasoner_gateway_chunk_delivery_seconds_bucket}), with a bucket boundary at 20 ms, the latency goal.
 */
public final class DeliveryLatency {

    static final String NAME = "reasoner.gateway.chunk.delivery";

    private final Timer timer;

    public DeliveryLatency(MeterRegistry registry) {
        this.timer = Timer.builder(NAME)
                .description("Chunk production (Kafka record timestamp) to the end of its SSE write, live chunks")
                .publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMillis(20))
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    /**
     * Records one written chunk if it was produced after the client subscribed.
     *
     * @param producedAtMs   the chunk record's timestamp, epoch ms; 0 when unknown (read back from the log)
     * @param subscribedAtMs when the client's stream opened, epoch ms
     * @param writtenAtMs    when its write returned, epoch ms
     */
    void recordWrite(long producedAtMs, long subscribedAtMs, long writtenAtMs) {
        if (producedAtMs > 0 && producedAtMs >= subscribedAtMs) {
            timer.record(Math.max(0, writtenAtMs - producedAtMs), TimeUnit.MILLISECONDS);
        }
    }

    long count() {
        return timer.count();
    }
}
