package io.reasoner.policy.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.opentelemetry.api.trace.Tracer;
import io.reasoner.kafka.tracing.TraceParent;
import io.reasoner.policy.config.PolicyProperties;
import io.reasoner.policy.topology.PolicyOverride;
import io.reasoner.policy.topology.PolicyTopology;
import io.reasoner.policy.topology.TierLoadView;
import io.reasoner.protocol.Budget;
import io.reasoner.protocol.BudgetPolicy;

import tools.jackson.databind.json.JsonMapper;

/**
 * The policy service's HTTP API. Reads come from the topology's stores (interactive queries); overrides go through
 * the overrides topic, so that the topology applies them in order with the load it sees and a restart keeps them.
 * A {@code 202} means the broker has the override; {@code GET /policy} shows it once the topology has read it.
 */
@RestController
class PolicyController {

    private final PolicyQueries queries;
    private final KafkaTemplate<String, byte[]> overrides;
    private final Clock clock;
    private final Duration sendTimeout;
    private final Duration maxTtl;
    private final JsonMapper json = JsonMapper.builder().build();
    private final OverrideSpans spans;

    PolicyController(PolicyQueries queries, KafkaTemplate<String, byte[]> overrides, Clock clock,
            PolicyProperties properties, Tracer tracer) {
        this.spans = new OverrideSpans(tracer);
        this.queries = queries;
        this.overrides = overrides;
        this.clock = clock;
        this.sendTimeout = properties.overrideSendTimeout();
        this.maxTtl = properties.maxOverrideTtl();
    }

    @GetMapping("/policy")
    Map<String, BudgetPolicy> policies() {
        return queries.policies();
    }

    @GetMapping("/load")
    Map<String, TierLoadView> load() {
        return queries.loads();
    }

    @PutMapping("/policy/{tier}/override")
    @ResponseStatus(HttpStatus.ACCEPTED)
    PolicyOverride override(@PathVariable String tier, @RequestBody OverrideRequest request,
            @RequestHeader(name = TraceParent.HEADER, required = false) String traceparent) throws TimeoutException {
        return spans.traced("PUT", tier, traceparent, () -> {
            PolicyTopology.tier(tier);
            PolicyOverride override = toOverride(request, clock.millis());
            send(tier, json.writeValueAsBytes(override));
            return override;
        });
    }

    @DeleteMapping("/policy/{tier}/override")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void clear(@PathVariable String tier,
            @RequestHeader(name = TraceParent.HEADER, required = false) String traceparent) throws TimeoutException {
        spans.traced("DELETE", tier, traceparent, () -> {
            PolicyTopology.tier(tier);
            send(tier, null);
            return null;
        });
    }

    private PolicyOverride toOverride(OverrideRequest request, long now) {
        if (request == null || request.maxThinkingTokens() == null) {
            throw new IllegalArgumentException("maxThinkingTokens is required");
        }
        if ((request.ttlSeconds() == null) == (request.expiresAtMs() == null)) {
            throw new IllegalArgumentException("exactly one of ttlSeconds and expiresAtMs is required");
        }
        long expiresAt = request.expiresAtMs() != null ? request.expiresAtMs()
                : now + Duration.ofSeconds(request.ttlSeconds()).toMillis();
        if (expiresAt <= now || expiresAt - now > maxTtl.toMillis()) {
            throw new IllegalArgumentException("the override must expire within (0 s, " + maxTtl.toSeconds()
                    + " s] from now, was " + (expiresAt - now) / 1000.0 + " s");
        }
        return new PolicyOverride(request.maxThinkingTokens(),
                request.multiplier() == null ? 1.0 : request.multiplier(),
                request.extensionsAllowed() == null ? Budget.MAX_EXTENSIONS : request.extensionsAllowed(),
                request.reason(), now, expiresAt);
    }

    /** Waits at most the send timeout for the broker's acknowledgement. */
    private void send(String tier, byte[] value) throws TimeoutException {
        try {
            overrides.send(PolicyTopology.OVERRIDES_TOPIC, tier, value).get(sendTimeout.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OverrideNotStoredException("interrupted while sending the override", e);
        } catch (ExecutionException e) {
            throw new OverrideNotStoredException("the broker did not take the override: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }
}
