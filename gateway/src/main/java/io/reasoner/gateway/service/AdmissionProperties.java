package io.reasoner.gateway.service;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-tenant limits under {@code reasoner.gateway.admission}.
 *
 * @param maxConcurrent        requests a tenant may have decoding at once
 * @param maxQueued            requests a tenant may have waiting beyond those; a submit past
 *                             {@code maxConcurrent + maxQueued} outstanding requests is answered 429
 * @param retryAfter           what the 429's {@code Retry-After} suggests (rounded up to whole seconds)
 * @param idempotencyRetention how long an {@code Idempotency-Key} keeps returning the request it created
 * @param idempotencyMaxKeys   bound on remembered keys over all tenants; the oldest are forgotten first
 */
@ConfigurationProperties("reasoner.gateway.admission")
public record AdmissionProperties(
        @DefaultValue("4") int maxConcurrent,
        @DefaultValue("16") int maxQueued,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("30m") Duration idempotencyRetention,
        @DefaultValue("10000") int idempotencyMaxKeys) {
}
