package io.reasoner.policy.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import io.reasoner.protocol.ReasoningRequest;
import io.reasoner.protocol.ReasoningResult;

/**
 * Keeps the requests that have no result yet in the {@value PolicyStores#OUTSTANDING} store, keyed by request id,
 * and turns arrivals and results into {@link LoadSignal}s keyed by {@value PolicyTopology#PLATFORM_KEY}. Requests and
 * results are both keyed by request id on topics with the same partition count, so one task sees both for a
 * request. A result whose request this service never saw (it arrived before the service started) is not counted;
 * a request whose result never comes leaves the books after the outstanding horizon.
 */
final class OutstandingRequests {

    private OutstandingRequests() {
    }

    static final class Arrivals implements Processor<String, ReasoningRequest, String, LoadSignal> {
        private final Duration horizon;
        private ProcessorContext<String, LoadSignal> context;
        private KeyValueStore<String, Outstanding> store;

        Arrivals(Duration horizon) {
            this.horizon = horizon;
        }

        @Override
        public void init(ProcessorContext<String, LoadSignal> context) {
            this.context = context;
            this.store = context.getStateStore(PolicyStores.OUTSTANDING);
            // Stream time, not wall-clock time: the same input always abandons the same requests.
            context.schedule(horizon.dividedBy(10), PunctuationType.STREAM_TIME, this::abandonOlderThanHorizon);
        }

        @Override
        public void process(Record<String, ReasoningRequest> record) {
            ReasoningRequest request = record.value();
            if (store.get(request.requestId()) != null) {
                return; // a redelivered request is already on the books
            }
            String tier = PolicyTopology.tierKey(request.priority());
            store.put(request.requestId(), new Outstanding(tier, request.budget().maxThinkingTokens(),
                    request.budget().maxAnswerTokens(), request.createdAtMs()));
            context.forward(record.withKey(PolicyTopology.PLATFORM_KEY).withValue(
                    LoadSignal.arrival(tier, request.budget().maxThinkingTokens(), request.budget().maxAnswerTokens())));
        }

        private void abandonOlderThanHorizon(long streamTimeMs) {
            long cutoff = streamTimeMs - horizon.toMillis();
            List<KeyValue<String, Outstanding>> stale = new ArrayList<>();
            try (KeyValueIterator<String, Outstanding> all = store.all()) {
                all.forEachRemaining(entry -> {
                    if (entry.value.createdAtMs() < cutoff) {
                        stale.add(entry);
                    }
                });
            }
            for (KeyValue<String, Outstanding> entry : stale) {
                store.delete(entry.key);
                Outstanding gone = entry.value;
                context.forward(new Record<>(PolicyTopology.PLATFORM_KEY,
                        LoadSignal.abandoned(gone.tier(), gone.thinkingTokens(), gone.answerTokens()), streamTimeMs));
            }
        }
    }

    static final class Completions implements Processor<String, ReasoningResult, String, LoadSignal> {
        private ProcessorContext<String, LoadSignal> context;
        private KeyValueStore<String, Outstanding> store;

        @Override
        public void init(ProcessorContext<String, LoadSignal> context) {
            this.context = context;
            this.store = context.getStateStore(PolicyStores.OUTSTANDING);
        }

        @Override
        public void process(Record<String, ReasoningResult> record) {
            ReasoningResult result = record.value();
            Outstanding request = store.delete(result.requestId());
            if (request == null) {
                return;
            }
            long timeToAnswer = Math.max(0, result.finishedAtMs() - request.createdAtMs());
            context.forward(record.withKey(PolicyTopology.PLATFORM_KEY).withValue(LoadSignal.completion(
                    request.tier(), request.thinkingTokens(), request.answerTokens(), result.usage().thinkingTokens(),
                    result.usage().completionTokens(), timeToAnswer)));
        }
    }
}
