package io.reasoner.gateway.openai;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.reasoner.protocol.Budget;

/**
 * Settings of the OpenAI-compatible API, under {@code reasoner.gateway.openai}.
 *
 * @param effort            thinking caps, in tokens, that {@code reasoning_effort} stands for
 * @param modelTtl          how long a model stays in {@code GET /v1/models} after the last worker heartbeat naming
 *                          it; workers send one a second, so this only has to outlast hiccups and restarts
 * @param completionTimeout how long a non-streaming completion waits for its result before answering 504 (and
 *                          cancelling the request, since nobody is left to read it)
 */
@ConfigurationProperties("reasoner.gateway.openai")
record OpenAiProperties(
        @DefaultValue Effort effort,
        @DefaultValue("30s") Duration modelTtl,
        @DefaultValue("10m") Duration completionTimeout) {

    OpenAiProperties {
        if (modelTtl.isNegative() || modelTtl.isZero()) {
            throw new IllegalArgumentException("reasoner.gateway.openai.model-ttl must be > 0, was " + modelTtl);
        }
        if (completionTimeout.isNegative() || completionTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "reasoner.gateway.openai.completion-timeout must be > 0, was " + completionTimeout);
        }
    }

    /**
     * The thinking cap of each {@code reasoning_effort} level. The defaults step by 4x because accuracy under budget
     * forcing grows roughly with the logarithm of the thinking budget (s1), so equal ratios give comparable steps;
     * {@code medium}, which OpenAI applies when no effort is named, equals the native API's default cap (256).
     */
    record Effort(
            @DefaultValue("64") int low,
            @DefaultValue("256") int medium,
            @DefaultValue("1024") int high) {

        Effort {
            check("low", low);
            check("medium", medium);
            check("high", high);
            if (low > medium || medium > high) {
                throw new IllegalArgumentException("reasoner.gateway.openai.effort must satisfy low <= medium <= high,"
                        + " was low " + low + ", medium " + medium + ", high " + high);
            }
        }

        private static void check(String level, int tokens) {
            if (tokens < 0 || tokens > Budget.MAX_TOKENS) {
                throw new IllegalArgumentException("reasoner.gateway.openai.effort." + level + " must be in [0, "
                        + Budget.MAX_TOKENS + "], was " + tokens);
            }
        }
    }
}
