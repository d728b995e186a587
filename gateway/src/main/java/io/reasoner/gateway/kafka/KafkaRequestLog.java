package io.reasoner.gateway.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

import io.reasoner.gateway.stream.RequestLog;
import io.reasoner.gateway.stream.RequestLogUnavailableException;
import io.reasoner.protocol.EventCodec;
import io.reasoner.protocol.ReasoningChunk;
import io.reasoner.protocol.ReasoningRequest;
import io.reasoner.protocol.ReasoningResult;
import io.reasoner.protocol.ReasoningTopic;

/**
 * Reads one request back from the request, chunk and result topics. All of a request's events sit in the
 * partition its id hashes to (the producer's default partitioner: murmur2 of the key), so only that partition of
 * each topic is read, with a consumer that has no group and commits nothing.
 *
 * <p>Where to start: the request record is searched (on the interactive, then the batch request topic) from {@code lookback} before now (the id says nothing of its
 * age); its {@code createdAtMs}, less {@code clockSkew} (the gateway stamped it, the broker's timestamps come from
 * other hosts' clocks), then bounds the chunk and result scans via {@code offsetsForTimes}. Each scan stops at the
 * partition's end offset taken when it began: anything later reaches the registry through the live listener,
 * which must already be reading ({@code liveReady}), or the two would leave a gap between them. Every scan shares
 * one deadline, {@code timeout}.
 */
public final class KafkaRequestLog implements RequestLog {

    private static final Duration POLL = Duration.ofMillis(100);
    /** A request is on one of these, by its priority; interactive is searched first. */
    private static final List<ReasoningTopic> REQUEST_TOPICS = List.of(ReasoningTopic.REQUESTS,
            ReasoningTopic.REQUESTS_BATCH);

    private final Supplier<org.apache.kafka.clients.consumer.Consumer<String, byte[]>> consumers;
    private final EventCodec codec;
    private final Clock clock;
    private final BooleanSupplier liveReady;
    private final Duration lookback;
    private final Duration clockSkew;
    private final Duration timeout;

    public KafkaRequestLog(Supplier<org.apache.kafka.clients.consumer.Consumer<String, byte[]>> consumers,
            EventCodec codec, Clock clock, BooleanSupplier liveReady, Duration lookback, Duration clockSkew,
            Duration timeout) {
        this.consumers = consumers;
        this.codec = codec;
        this.clock = clock;
        this.liveReady = liveReady;
        this.lookback = lookback;
        this.clockSkew = clockSkew;
        this.timeout = timeout;
    }

    @Override
    public Optional<History> read(String requestId) {
        if (!liveReady.getAsBoolean()) {
            throw new RequestLogUnavailableException("this gateway is not reading the event log yet; retry shortly");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try (var consumer = consumers.get()) {
            Scan scan = new Scan(consumer, requestId, deadline);
            List<ReasoningRequest> requests = new ArrayList<>();
            for (ReasoningTopic topic : REQUEST_TOPICS) {
                if (requests.isEmpty()) {
                    scan.read(topic, clock.millis() - lookback.toMillis(),
                            value -> requests.add(codec.decode(value, ReasoningRequest.class)), requests::isEmpty);
                }
            }
            if (requests.isEmpty()) {
                return Optional.empty();
            }
            ReasoningRequest request = requests.get(0);
            long from = request.createdAtMs() - clockSkew.toMillis();
            List<ReasoningResult> results = new ArrayList<>();
            scan.read(ReasoningTopic.RESULTS, from, value -> results.add(codec.decode(value, ReasoningResult.class)),
                    results::isEmpty);
            List<ReasoningChunk> chunks = new ArrayList<>();
            scan.read(ReasoningTopic.CHUNKS, from, value -> chunks.add(codec.decode(value, ReasoningChunk.class)),
                    () -> true);
            return Optional.of(new History(request, chunks, results.isEmpty() ? null : results.get(0)));
        } catch (KafkaException e) {
            throw new RequestLogUnavailableException("could not read request " + requestId + " from the log", e);
        }
    }

    /** The partition of {@code topic} that holds {@code key}, as Kafka's default partitioner chooses it. */
    static int partitionFor(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** Scans of one request's partitions, sharing one deadline. */
    private static final class Scan {
        private final org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer;
        private final String requestId;
        private final long deadlineNanos;

        Scan(org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer, String requestId,
                long deadlineNanos) {
            this.consumer = consumer;
            this.requestId = requestId;
            this.deadlineNanos = deadlineNanos;
        }

        /**
         * Hands each value keyed by the request id, from the first record at or after {@code fromMs} to the end
         * offset seen now, to {@code sink}, while {@code more} says to go on.
         */
        void read(ReasoningTopic topic, long fromMs, Consumer<byte[]> sink, BooleanSupplier more) {
            TopicPartition partition = partitionOf(topic);
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), remaining()).get(partition);
            OffsetAndTimestamp start = consumer.offsetsForTimes(Map.of(partition, Math.max(0, fromMs)), remaining())
                    .get(partition);
            if (start == null || start.offset() >= end) {
                return;
            }
            consumer.seek(partition, start.offset());
            while (more.getAsBoolean() && consumer.position(partition, remaining()) < end) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < end && requestId.equals(record.key()) && record.value() != null) {
                        sink.accept(record.value());
                    }
                }
                remaining();
            }
        }

        private TopicPartition partitionOf(ReasoningTopic topic) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic.topicName(), remaining());
            if (partitions == null || partitions.isEmpty()) {
                throw new RequestLogUnavailableException("topic " + topic.topicName() + " has no partitions");
            }
            return new TopicPartition(topic.topicName(), partitionFor(requestId, partitions.size()));
        }

        /** Time left before the deadline; throws once it has passed. */
        private Duration remaining() {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                throw new RequestLogUnavailableException("reading request " + requestId
                        + " from the log took longer than its time bound");
            }
            return Duration.ofNanos(left);
        }
    }
}
