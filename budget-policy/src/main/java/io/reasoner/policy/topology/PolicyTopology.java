package io.reasoner.policy.topology;

import java.util.List;
import java.util.Locale;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reasoner.protocol.BudgetPolicy;
import io.reasoner.protocol.EventCodec;
import io.reasoner.protocol.MalformedEventException;
import io.reasoner.protocol.Priority;
import io.reasoner.protocol.ReasoningEvent;
import io.reasoner.protocol.ReasoningRequest;
import io.reasoner.protocol.ReasoningResult;
import io.reasoner.protocol.ReasoningTopic;
import io.reasoner.protocol.WorkerStats;

/**
 * The policy service's topology, built by one plain method that the application and the
 * {@code TopologyTestDriver} tests both call.
 *
 * <pre>
 * requests ─► Arrivals ──┐  (store outstanding-requests, shared: requests and results are co-partitioned)
 * results ─► Completions ┼─► load signals, keyed "platform" ─► repartition to 1 partition
 * worker-stats ──────────┘       ─► tumbling-window aggregate (window-load) ─► suppress until the window closes
 * overrides ──────────────────────────────────────────────────────────────┐            │
 *                                controller (control law once per window; overrides) ◄─┘
 *                                    ─► reasoning.budget-policy, one policy per tier
 * </pre>
 *
 * All load goes to one partition because the control law decides every tier together (interactive before batch);
 * at one signal per request and per worker-second this is far from a bottleneck. Overrides travel on their own
 * one-partition topic into the same task, so the controller sees overrides and windows in one order.
 */
public final class PolicyTopology {

    /** The single key under which platform-wide load is aggregated. */
    public static final String PLATFORM_KEY = "platform";
    /** Operators' overrides, keyed by tier; private to this service, declared in its application. */
    public static final String OVERRIDES_TOPIC = "reasoning.budget-policy.overrides";

    private static final Logger log = LoggerFactory.getLogger(PolicyTopology.class);

    private PolicyTopology() {
    }

    public static Topology build(PolicySettings settings) {
        EventCodec codec = new EventCodec();
        Serde<LoadSignal> signalSerde = JsonSerde.of(LoadSignal.class);
        StreamsBuilder builder = new StreamsBuilder();
        addStores(builder, codec);

        KStream<String, LoadSignal> arrivals = builder
                // Interactive and batch requests travel on separate topics; each request names its tier itself.
                .stream(List.of(ReasoningTopic.REQUESTS.topicName(), ReasoningTopic.REQUESTS_BATCH.topicName()),
                        bytes("requests"))
                .flatMapValues(value -> decodeOrSkip(codec, value, ReasoningRequest.class), Named.as("decode-requests"))
                .process(() -> new OutstandingRequests.Arrivals(settings.outstandingHorizon()), Named.as("arrivals"),
                        PolicyStores.OUTSTANDING);
        KStream<String, LoadSignal> completions = builder
                .stream(ReasoningTopic.RESULTS.topicName(), bytes("results"))
                .flatMapValues(value -> decodeOrSkip(codec, value, ReasoningResult.class), Named.as("decode-results"))
                .process(OutstandingRequests.Completions::new, Named.as("completions"), PolicyStores.OUTSTANDING);
        KStream<String, LoadSignal> capacity = builder
                .stream(ReasoningTopic.WORKER_STATS.topicName(), bytes("worker-stats"))
                .flatMapValues(value -> decodeOrSkip(codec, value, WorkerStats.class), Named.as("decode-stats"))
                .map((worker, stats) -> KeyValue.pair(PLATFORM_KEY, LoadSignal.capacity(stats.workerId(),
                        stats.slotsUsed(), stats.slotsTotal(), stats.tokensPerSecond())), Named.as("capacity"));

        KStream<String, ControlInput> windows = arrivals
                .merge(completions, Named.as("merge-completions"))
                .merge(capacity, Named.as("merge-capacity"))
                .repartition(Repartitioned.with(Serdes.String(), signalSerde).withName("load-signals")
                        .withNumberOfPartitions(1))
                .groupByKey(Grouped.with("load-by-platform", Serdes.String(), signalSerde))
                .windowedBy(TimeWindows.ofSizeAndGrace(settings.window(), settings.grace()))
                .aggregate(() -> WindowLoad.EMPTY, (key, signal, load) -> load.add(signal), Named.as("aggregate-load"),
                        Materialized.<String, WindowLoad>as(Stores.inMemoryWindowStore(PolicyStores.WINDOW_LOAD,
                                        settings.window().multipliedBy(3).plus(settings.grace()), settings.window(), false))
                                .withKeySerde(Serdes.String())
                                .withValueSerde(JsonSerde.of(WindowLoad.class)))
                // One controller step per window, on its final value: stepping on every update would apply the
                // rate limits per record instead of per window.
                .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()).withName("closed-windows"))
                .toStream(Named.as("closed-window-stream"))
                .map((window, load) -> KeyValue.pair(PLATFORM_KEY,
                        ControlInput.window(window.window().start(), window.window().end(), load)),
                        Named.as("window-input"));
        KStream<String, ControlInput> overrides = builder
                .stream(OVERRIDES_TOPIC, bytes("overrides"))
                .flatMap((tier, value) -> overrideInput(tier, value), Named.as("override-input"));

        windows.merge(overrides, Named.as("merge-overrides"))
                .process(() -> new ControllerProcessor(settings), Named.as("controller"), PolicyStores.CONTROLLER,
                        PolicyStores.OVERRIDES, PolicyStores.POLICIES, PolicyStores.LOAD)
                .to(ReasoningTopic.BUDGET_POLICY.topicName(),
                        Produced.with(Serdes.String(), policySerde(codec)).withName("policies"));
        return builder.build();
    }

    private static void addStores(StreamsBuilder builder, EventCodec codec) {
        builder.addStateStore(store(PolicyStores.OUTSTANDING, JsonSerde.of(Outstanding.class)));
        builder.addStateStore(store(PolicyStores.CONTROLLER, JsonSerde.of(ControllerMemory.class)));
        builder.addStateStore(store(PolicyStores.OVERRIDES, JsonSerde.of(PolicyOverride.class)));
        builder.addStateStore(store(PolicyStores.POLICIES, policySerde(codec)));
        builder.addStateStore(store(PolicyStores.LOAD, JsonSerde.of(TierLoadView.class)));
    }

    /**
     * In memory, restored from its changelog on restart: the state is small (one entry per outstanding request,
     * a few per tier), and memory spares the service RocksDB and a disk write per commit.
     */
    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> valueSerde) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), valueSerde);
    }

    private static Consumed<String, byte[]> bytes(String name) {
        return Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-" + name);
    }

    static Serde<BudgetPolicy> policySerde(EventCodec codec) {
        return Serdes.serdeFrom((topic, policy) -> policy == null ? null : codec.encode(policy),
                (topic, bytes) -> bytes == null ? null : codec.decode(bytes, BudgetPolicy.class));
    }

    public static String tierKey(Priority priority) {
        return priority.name().toLowerCase(Locale.ROOT);
    }

    /** The tier of a key; throws {@link IllegalArgumentException} naming the allowed keys for any other. */
    public static Priority tier(String key) {
        for (Priority priority : Priority.values()) {
            if (tierKey(priority).equals(key)) {
                return priority;
            }
        }
        throw new IllegalArgumentException("tier must be one of [interactive, batch], was " + key);
    }

    /**
     * A malformed request, result or heartbeat is the workers' and gateway's to report; for load accounting it is
     * not counted, and said so at WARN.
     */
    private static <T extends ReasoningEvent> Iterable<T> decodeOrSkip(EventCodec codec, byte[] bytes, Class<T> type) {
        try {
            return List.of(codec.decode(bytes, type));
        } catch (MalformedEventException e) {
            log.warn("{} not counted as load: {}", type.getSimpleName(), e.getMessage());
            return List.of();
        }
    }

    private static Iterable<KeyValue<String, ControlInput>> overrideInput(String tier, byte[] value) {
        try {
            tier(tier);
            PolicyOverride override = value == null ? null : JsonSerde.of(PolicyOverride.class)
                    .deserializer().deserialize(OVERRIDES_TOPIC, value);
            return List.of(KeyValue.pair(PLATFORM_KEY, ControlInput.override(tier, override)));
        } catch (RuntimeException e) {
            log.warn("override for tier {} ignored: {}", tier, e.getMessage());
            return List.of();
        }
    }
}
