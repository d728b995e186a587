package io.reasoner.gateway.service;

import java.time.Duration;

import io.reasoner.gateway.stream.RequestRegistry;

/**
 * Per-tenant admission, counted from the registry: a tenant may have at most {@code maxConcurrent + maxQueued}
 * requests outstanding (queued or running, i.e. without a result yet). Whether one of them is running or queued
 * is the workers' business; the gateway bounds only how much a tenant can pile up, and refuses at once rather than
 * holding the caller.
 *
 * <p>The count is this instance's view; with several gateways each enforces the limit on what it has accepted
 * and seen on the log.
 */
public final class AdmissionControl {

    private final RequestRegistry registry;
    private final int maxOutstanding;
    private final long retryAfterSeconds;

    public AdmissionControl(RequestRegistry registry, int maxConcurrent, int maxQueued, Duration retryAfter) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be >= 1, was " + maxConcurrent);
        }
        if (maxQueued < 0) {
            throw new IllegalArgumentException("maxQueued must be >= 0, was " + maxQueued);
        }
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("retryAfter must be positive, was " + retryAfter);
        }
        this.registry = registry;
        this.maxOutstanding = maxConcurrent + maxQueued;
        this.retryAfterSeconds = (retryAfter.toMillis() + 999) / 1000;
    }

    /**
     * Callers hold the service's admission lock across this check and the registry's {@code accept}, so two
     * submits cannot both take the last place.
     *
     * @throws TooManyRequestsException if the tenant already has the most outstanding requests it may have
     */
    void check(String tenant) {
        int outstanding = registry.outstanding(tenant);
        if (outstanding >= maxOutstanding) {
            throw new TooManyRequestsException(outstanding, maxOutstanding, retryAfterSeconds);
        }
    }
}
