package io.reasoner.policy.topology;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.WindowStore;

import io.reasoner.protocol.BudgetPolicy;
import io.reasoner.protocol.EventCodec;
import io.reasoner.protocol.MalformedEventException;
import io.reasoner.protocol.Priority;
import io.reasoner.protocol.ReasoningRequest;
import io.reasoner.protocol.ReasoningTopic;

/**
 * The policy service's topology, built by one plain method that the application and the
 * {@code TopologyTestDriver} tests both call.
 *
 * <p>Current scope: it measures demand per tier (arrivals and requested tokens per tumbling window, in the
 * {@value #LOAD_STORE} store) and publishes, per tier and window, a policy that grants what was requested
 * (multiplier 1). The load-adaptive control law that shrinks and grows budgets is not implemented yet.
 */
public final class PolicyTopology {

    public static final String LOAD_STORE = "tier-load";

    private PolicyTopology() {
    }

    public static Topology build(Duration window) {
        EventCodec codec = new EventCodec();
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(ReasoningTopic.REQUESTS.topicName(), Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .flatMapValues(bytes -> decodeOrSkip(codec, bytes))
                .selectKey((requestId, request) -> tierKey(request.priority()))
                .groupByKey(Grouped.with("requests-by-tier", Serdes.String(), requestSerde(codec)))
                .windowedBy(TimeWindows.ofSizeWithNoGrace(window))
                .aggregate(() -> TierLoad.EMPTY,
                        (tier, request, load) -> load.add(request.budget().maxThinkingTokens(),
                                request.budget().maxAnswerTokens()),
                        Materialized.<String, TierLoad, WindowStore<Bytes, byte[]>>as(LOAD_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(JsonSerde.of(TierLoad.class)))
                .toStream()
                .map((windowedTier, load) -> new org.apache.kafka.streams.KeyValue<>(windowedTier.key(),
                        codec.encode(passThrough(windowedTier, load))))
                .to(ReasoningTopic.BUDGET_POLICY.topicName(), Produced.with(Serdes.String(), Serdes.ByteArray()));
        return builder.build();
    }

    static BudgetPolicy passThrough(Windowed<String> windowedTier, TierLoad load) {
        Priority tier = Priority.valueOf(windowedTier.key().toUpperCase(Locale.ROOT));
        return new BudgetPolicy(tier, 1.0, io.reasoner.protocol.Budget.MAX_TOKENS,
                io.reasoner.protocol.Budget.MAX_EXTENSIONS,
                "pass-through: budgets granted as requested (adaptive control not enabled)",
                Map.of("arrivals", (double) load.arrivals(),
                        "requestedThinkingTokens", (double) load.requestedThinkingTokens(),
                        "requestedAnswerTokens", (double) load.requestedAnswerTokens(),
                        "windowStartMs", (double) windowedTier.window().start()),
                windowedTier.window().end());
    }

    static String tierKey(Priority priority) {
        return priority.name().toLowerCase(Locale.ROOT);
    }

    /** A malformed request is the workers' to reject; for load accounting it is simply not counted. */
    private static Iterable<ReasoningRequest> decodeOrSkip(EventCodec codec, byte[] bytes) {
        try {
            return java.util.List.of(codec.decode(bytes, ReasoningRequest.class));
        } catch (MalformedEventException e) {
            return java.util.List.of();
        }
    }

    private static org.apache.kafka.common.serialization.Serde<ReasoningRequest> requestSerde(EventCodec codec) {
        return Serdes.serdeFrom((topic, request) -> codec.encode(request),
                (topic, bytes) -> codec.decode(bytes, ReasoningRequest.class));
    }
}
