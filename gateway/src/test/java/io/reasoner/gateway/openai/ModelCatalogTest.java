package io.reasoner.gateway.openai;

import io.reasoner.gateway.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.reasoner.protocol.WorkerStats;

class ModelCatalogTest {

    private final MutableClock clock = new MutableClock(1_000_000);
    private final ModelCatalog catalog = new ModelCatalog(clock, Duration.ofSeconds(10));

    private static WorkerStats heartbeat(String worker, String model) {
        return new WorkerStats(worker, model, "cpu", 0, 2, 0.0, 0, 0);
    }

    @Test
    void modelsSeenWithinTheTtl_areListedByName_withWhenFirstSeen() {
        catalog.record(heartbeat("w1", "qwen"));
        clock.advance(4_000);
        catalog.record(heartbeat("w2", "llama"));
        catalog.record(heartbeat("w1", "qwen"));

        assertThat(catalog.live()).containsExactly(
                new ModelCatalog.ServedModel("llama", 1_004_000, 1_004_000),
                new ModelCatalog.ServedModel("qwen", 1_000_000, 1_004_000));
    }

    @Test
    void aModelWithoutHeartbeatsForLongerThanTheTtl_disappears_andComesBackAsNew() {
        catalog.record(heartbeat("w1", "qwen"));
        clock.advance(10_001);

        assertThat(catalog.live()).isEmpty();

        catalog.record(heartbeat("w1", "qwen"));
        assertThat(catalog.live()).containsExactly(new ModelCatalog.ServedModel("qwen", 1_010_001, 1_010_001));
    }

    @Test
    void heartbeatsWithoutAModel_areIgnored() {
        catalog.record(heartbeat("w1", null));
        catalog.record(heartbeat("w1", " "));

        assertThat(catalog.live()).isEmpty();
    }

    @Test
    void resolve_acceptsLiveModels_defaultsToTheFirst_andRejectsUnknownOnesNamingTheServedOnes() {
        catalog.record(heartbeat("w1", "qwen"));
        catalog.record(heartbeat("w2", "llama"));

        assertThat(catalog.resolve("qwen")).isEqualTo("qwen");
        assertThat(catalog.resolve(null)).isEqualTo("llama");
        assertThatThrownBy(() -> catalog.resolve("gpt-4o")).isInstanceOf(UnknownModelException.class)
                .hasMessage("The model `gpt-4o` does not exist; served models are [llama, qwen]");
    }

    @Test
    void resolve_acceptsAnyModel_whileNoWorkerHasReported() {
        assertThat(catalog.resolve("whatever")).isEqualTo("whatever");
        assertThat(catalog.resolve(null)).isEqualTo(ModelCatalog.ANY_MODEL);
    }

    @Test
    void aZeroTtl_isRejected() {
        assertThatThrownBy(() -> new ModelCatalog(clock, Duration.ZERO)).hasMessage("ttl must be > 0, was PT0S");
    }
}
