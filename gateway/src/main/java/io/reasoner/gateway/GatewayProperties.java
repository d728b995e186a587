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
 * @param defaultMaxAnswerTokens   answer cap for a request that names none
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
        @DefaultValue("256") int defaultMaxAnswerTokens) {
}
