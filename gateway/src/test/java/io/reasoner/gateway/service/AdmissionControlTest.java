package io.reasoner.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.reasoner.gateway.MutableClock;
import io.reasoner.gateway.stream.RequestRegistry;
import io.reasoner.protocol.Budget;
import io.reasoner.protocol.FinishReason;
import io.reasoner.protocol.ReasoningRequest;
import io.reasoner.protocol.ReasoningResult;
import io.reasoner.protocol.ResultStatus;
import io.reasoner.protocol.Usage;

class AdmissionControlTest {

    private final RequestRegistry registry = new RequestRegistry(new MutableClock(0), 60_000, 100);
    private final AdmissionControl admission = new AdmissionControl(registry, 1, 1, Duration.ofMillis(2_500));

    private void accept(String id, String tenant) {
        registry.accept(new ReasoningRequest(id, tenant, null, "p", null, Budget.of(1, 1), null, null, null, null,
                0));
    }

    private void finish(String id, String tenant) {
        registry.onResult(new ReasoningResult(id, tenant, ResultStatus.DONE, "", "", FinishReason.STOP,
                new Usage(1, 1, 0), Budget.of(1, 1), null, 0, null, "m", Map.of(), 0));
    }

    @Test
    void pastConcurrentPlusQueued_refusesWithRetryAfterRoundedUp() {
        accept("r1", "acme");
        accept("r2", "acme");

        assertThatThrownBy(() -> admission.check("acme"))
                .isInstanceOfSatisfying(TooManyRequestsException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(3))
                .hasMessageContaining("2 queued or running, the limit is 2");
    }

    @Test
    void otherTenantsRequests_doNotCount() {
        accept("r1", "globex");
        accept("r2", "globex");

        assertThatCode(() -> admission.check("acme")).doesNotThrowAnyException();
    }

    @Test
    void finishedRequests_freeTheirPlace() {
        accept("r1", "acme");
        accept("r2", "acme");
        finish("r1", "acme");

        assertThatCode(() -> admission.check("acme")).doesNotThrowAnyException();
    }

    @Test
    void invalidLimits_areRefusedByName() {
        assertThatThrownBy(() -> new AdmissionControl(registry, 0, 1, Duration.ofSeconds(1)))
                .hasMessage("maxConcurrent must be >= 1, was 0");
        assertThatThrownBy(() -> new AdmissionControl(registry, 1, -1, Duration.ofSeconds(1)))
                .hasMessage("maxQueued must be >= 0, was -1");
    }
}
