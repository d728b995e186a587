package io.reasoner.gateway.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class DeliveryLatencyTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeliveryLatency latency = new DeliveryLatency(registry);

    @Test
    void chunksProducedWhileSubscribed_countFromProductionToTheEndOfTheWrite() {
        latency.recordWrite(1_000, 900, 1_004);
        latency.recordWrite(1_000, 1_000, 1_030);

        Timer timer = registry.get(DeliveryLatency.NAME).timer();
        assertThat(timer.count()).isEqualTo(2);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(34);
        assertThat(timer.max(TimeUnit.MILLISECONDS)).isEqualTo(30);
    }

    @Test
    void backlogOfAReconnectingClient_andChunksOfUnknownProduction_areNotCounted() {
        latency.recordWrite(1_000, 5_000, 5_002); // produced before the client subscribed: catching up
        latency.recordWrite(0, 0, 5_002); // read back from the log: production time unknown

        assertThat(latency.count()).isZero();
    }

    @Test
    void histogramHasABoundaryAtTheTwentyMillisecondGoal() {
        latency.recordWrite(1_000, 0, 1_019);
        latency.recordWrite(1_000, 0, 1_021);

        CountAtBucket atGoal = java.util.Arrays.stream(registry.get(DeliveryLatency.NAME).timer().takeSnapshot()
                .histogramCounts()).filter(bucket -> bucket.bucket(TimeUnit.MILLISECONDS) == 20.0).findFirst()
                .orElseThrow();
        assertThat(atGoal.count()).isEqualTo(1);
    }
}
