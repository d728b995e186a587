package io.reasoner.policy.web;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.reasoner.policy.topology.PolicyStores;
import io.reasoner.policy.topology.TierLoadView;
import io.reasoner.protocol.BudgetPolicy;

/**
 * Interactive queries on the topology's {@value PolicyStores#POLICIES} and {@value PolicyStores#LOAD} stores. All
 * load goes through one partition, so exactly one instance holds them; on any other, or while the streams
 * application starts or rebalances, queries throw {@link InvalidStateStoreException} (a 503 over HTTP).
 */
public final class PolicyQueries {

    private final KafkaStreams streams;

    public PolicyQueries(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Tier key to the policy last published. */
    public Map<String, BudgetPolicy> policies() {
        return all(PolicyStores.POLICIES);
    }

    /** Tier key to the aggregates of the last closed window. */
    public Map<String, TierLoadView> loads() {
        return all(PolicyStores.LOAD);
    }

    /** The tier's policy, or empty when there is none yet or the store cannot be queried now (for gauges). */
    public Optional<BudgetPolicy> policyIfReady(String tier) {
        try {
            return Optional.ofNullable(this.<BudgetPolicy>store(PolicyStores.POLICIES).get(tier));
        } catch (InvalidStateStoreException e) {
            return Optional.empty();
        }
    }

    private <V> Map<String, V> all(String storeName) {
        Map<String, V> values = new TreeMap<>();
        try (KeyValueIterator<String, V> entries = this.<V>store(storeName).all()) {
            entries.forEachRemaining(entry -> values.put(entry.key, entry.value));
        }
        return values;
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }
}
