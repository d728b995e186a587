package io.reasoner.gateway;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Gateway settings under {@code reasoner.gateway}.
 *
 * @param instanceId        this instance's id; its stream consumer group is {@code gateway-<instanceId>}, so
 *                          every instance sees every chunk
 * @param publishTimeout    how long a POST waits for Kafka to acknowledge the request before answering 503
 * @param streamTimeout     the longest an SSE stream stays open
 * @param heartbeatInterval how often an idle SSE stream gets a comment line, so proxies keep it open
 * @param doneGrace         after a result arrives, how long to wait for its remaining chunks before sending
 *                          {@code done} anyway (chunks and results travel on different topics)
 * @param retention         how long a finished request stays queryable in this instance's memory
 * @param maxTrackedRequests bound on requests held in memory; the oldest finished ones are dropped first
 * @param defaultMaxThinkingTokens thinking cap for a request that names none
 * @param defaultMaxAnswerTokens   answer cap for a request that names none; where {@code modelPath} is set, less if
 *                          the context would not hold it after the prompt and the thinking cap
 * @param modelPath         the GGUF file the workers serve (as their {@code reasoner.worker.model-path}); the
 *                          gateway reads its tokenizer, chat template and context length from the metadata (never
 *                          the weights) to refuse with 400 a prompt that fills the context. Unset: no such check
 *                          here, and such a prompt fails on the worker instead. {@code ./reasoner up} sets it.
 * @param replay            how a request this instance did not see from its start is read back from the log
 */
@ConfigurationProperties("reasoner.gateway")
public record GatewayProperties(
        @DefaultValue("") String instanceId,
        @DefaultValue("10s") Duration publishTimeout,
        @DefaultValue("30m") Duration streamTimeout,
        @DefaultValue("15s") Duration heartbeatInterval,
        @DefaultValue("5s") Duration doneGrace,
        @DefaultValue("30m") Duration retention,
        @DefaultValue("10000") int maxTrackedRequests,
        @DefaultValue("256") int defaultMaxThinkingTokens,
        @DefaultValue("256") int defaultMaxAnswerTokens,
        // A String, not a Path: Spring binds a Path through its resource loader, which refuses "../" paths.
        String modelPath,
        @DefaultValue Replay replay) {

    /**
     * @param lookback  how far back to search the request topic for a request's record; older requests are 404
     *                  on an instance that does not hold them
     * @param clockSkew margin before the request's {@code createdAtMs} (the gateway's clock) from which its chunks
     *                  and result are read (timestamps set by workers' clocks)
     * @param timeout   the longest one read-back may take; past it the call answers 503 with Retry-After
     */
    public record Replay(
            @DefaultValue("6h") Duration lookback,
            @DefaultValue("1m") Duration clockSkew,
            @DefaultValue("5s") Duration timeout) {
    }
}
