package io.reasoner.policy.web;

/**
 * The body of {@code PUT /policy/{tier}/override}. Only {@code maxThinkingTokens} and one of {@code ttlSeconds}
 * or {@code expiresAtMs} are required.
 *
 * @param maxThinkingTokens cap on granted thinking tokens, in [0, 32768]
 * @param multiplier        factor on requested thinking caps, in [0, 4]; default 1 (as requested, up to the cap)
 * @param extensionsAllowed cap on granted extensions, in [0, 64]; default 64 (as requested)
 * @param ttlSeconds        how long the override wins, from now
 * @param expiresAtMs       when it stops winning, epoch milliseconds (instead of {@code ttlSeconds})
 * @param reason            why, shown in the policy's reason
 */
public record OverrideRequest(
        Integer maxThinkingTokens,
        Double multiplier,
        Integer extensionsAllowed,
        Long ttlSeconds,
        Long expiresAtMs,
        String reason) {
}
