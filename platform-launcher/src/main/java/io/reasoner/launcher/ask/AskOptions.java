package io.reasoner.launcher.ask;

import io.reasoner.protocol.Budget;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@code ./reasoner ask} sends and where.
 *
 * @param prompt            the question
 * @param maxThinkingTokens thinking cap, in model tokens
 * @param maxAnswerTokens   answer cap, in model tokens
 * @param minThinkingTokens thinking may not end before this many tokens (attempts become "Wait")
 * @param extensions        attempts to end thinking to suppress with "Wait" even past the minimum
 * @param gateway           the gateway's base URL
 * @param idleTimeout       how long the event stream may stay silent (heartbeats count) before giving up
 * @param apiKey            sent as {@code Authorization: Bearer}; null sends none
 */
public record AskOptions(String prompt, int maxThinkingTokens, int maxAnswerTokens, int minThinkingTokens,
        int extensions, URI gateway, Duration idleTimeout, String apiKey) {

    public static final int DEFAULT_MAX_THINKING = 256;
    public static final int DEFAULT_MAX_ANSWER = 64;
    public static final URI DEFAULT_GATEWAY = URI.create("http://127.0.0.1:8080");
    /** The gateway heartbeats idle streams every few seconds, so a minute of silence means it is gone. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

    public AskOptions {
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("the question must not be blank");
        }
        // The protocol's own range checks, so the CLI rejects exactly what the gateway would.
        new Budget(maxThinkingTokens, minThinkingTokens, extensions, null, null, maxAnswerTokens);
        Objects.requireNonNull(gateway, "gateway");
        if (!("http".equals(gateway.getScheme()) || "https".equals(gateway.getScheme()))
                || gateway.getHost() == null) {
            throw new IllegalArgumentException("--url must be an http(s) URL like " + DEFAULT_GATEWAY + ", was "
                    + gateway);
        }
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive, was " + idleTimeout);
        }
    }

    public AskOptions(String prompt, int maxThinkingTokens, int maxAnswerTokens, int minThinkingTokens,
            int extensions, URI gateway, Duration idleTimeout) {
        this(prompt, maxThinkingTokens, maxAnswerTokens, minThinkingTokens, extensions, gateway, idleTimeout, null);
    }

    public AskOptions withApiKey(String key) {
        return new AskOptions(prompt, maxThinkingTokens, maxAnswerTokens, minThinkingTokens, extensions, gateway,
                idleTimeout, key);
    }

    public static AskOptions defaults(String prompt) {
        return new AskOptions(prompt, DEFAULT_MAX_THINKING, DEFAULT_MAX_ANSWER, 0, 0, DEFAULT_GATEWAY,
                DEFAULT_IDLE_TIMEOUT);
    }

    public Budget budget() {
        return new Budget(maxThinkingTokens, minThinkingTokens, extensions, null, null, maxAnswerTokens);
    }
}
