package io.reasoner.worker.kafka;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;

import io.reasoner.engine.budget.BudgetControl;
import io.reasoner.protocol.Budget;
import io.reasoner.protocol.BudgetPolicy;
import io.reasoner.protocol.EventCodec;
import io.reasoner.protocol.MalformedEventException;
import io.reasoner.protocol.Priority;

/**
 * The budget policies in force, read from the compacted {@code reasoning.budget-policy} from its beginning at
 * start, and applied to requests: a new request is granted {@link BudgetPolicy#apply} of what it asked for; a
 * running request gets the new grant through its {@link BudgetControl}, which the decoder takes at its next step
 * boundary. Each running request's grant is recomputed from what it originally asked for, so policies never
 * compound.
 */
public class BudgetPolicies implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(BudgetPolicies.class);

    private final EventCodec codec;
    private final Clock clock;
    private final Map<Priority, BudgetPolicy> current = new ConcurrentHashMap<>();
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    public BudgetPolicies(EventCodec codec, Clock clock) {
        this.codec = codec;
        this.clock = clock;
    }

    @KafkaListener(id = "worker-policies", groupId = "worker-policies-#{@workerId}", topics = "reasoning.budget-policy",
            properties = {"auto.offset.reset=earliest"})
    void onPolicy(ConsumerRecord<String, byte[]> record) {
        BudgetPolicy policy;
        try {
            policy = codec.decode(record.value(), BudgetPolicy.class);
        } catch (MalformedEventException e) {
            log.warn("ignoring an unreadable budget policy at offset {}: {}", record.offset(), e.getMessage());
            return;
        }
        accept(policy);
    }

    /** Every worker reads every policy from the start: the latest one per tier is the state. */
    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        callback.seekToBeginning(assignments.keySet());
    }

    /** Takes {@code policy} as its tier's current one and re-grants the running requests of that tier. */
    public void accept(BudgetPolicy policy) {
        current.put(policy.tier(), policy);
        long now = clock.millis();
        running.values().stream().filter(request -> request.tier() == policy.tier())
                .forEach(request -> request.regrant(policy.apply(request.requested(), now)));
    }

    /** The budget a new request of {@code tier} asking for {@code requested} is granted now. */
    public Budget grant(Priority tier, Budget requested) {
        BudgetPolicy policy = current.get(tier);
        return policy == null ? requested : policy.apply(requested, clock.millis());
    }

    /**
     * Follows a request while it runs, so that policy changes reach it; {@link Registration#close()} when it ends.
     *
     * @param granted what it was granted at its start
     */
    public Registration register(String requestId, Priority tier, Budget requested, Budget granted,
            BudgetControl control) {
        running.put(requestId, new Running(tier, requested, control, granted));
        return () -> running.remove(requestId);
    }

    /** Ends following a request. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** A running request: what it asked for, its control, and what it was last granted. */
    private static final class Running {
        private final Priority tier;
        private final Budget requested;
        private final BudgetControl control;
        private Budget granted;

        Running(Priority tier, Budget requested, BudgetControl control, Budget granted) {
            this.tier = tier;
            this.requested = requested;
            this.control = control;
            this.granted = granted;
        }

        Priority tier() {
            return tier;
        }

        Budget requested() {
            return requested;
        }

        /** Hands the decoder the new cap and extensions if they differ from the last grant. */
        synchronized void regrant(Budget budget) {
            if (budget.maxThinkingTokens() != granted.maxThinkingTokens()
                    || budget.extensions() != granted.extensions()) {
                control.change(budget.maxThinkingTokens(), budget.extensions());
                granted = budget;
            }
        }
    }
}
