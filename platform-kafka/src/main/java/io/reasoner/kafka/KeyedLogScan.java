package io.reasoner.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

import io.reasoner.protocol.ReasoningTopic;

/**
 * Reads one key's records back from the log: every topic is keyed, so a key's records sit in the one partition
 * Kafka's default partitioner chooses for it. A read starts at the first record written at or after a time and
 * stops at the end offset seen when it began, so it is bounded even while others keep writing. All reads of one
 * scan share one deadline.
 *
 * <p>Not thread-safe, like the consumer it borrows (assigned, not subscribed; no group needed).
 */
public final class KeyedLogScan {

    private static final Duration POLL = Duration.ofMillis(100);

    /**
     * How long the broker may hold a fetch that has nothing to return. Kafka's default (500 ms) suits a consumer
     * that tails a log; a scan always fetches records that exist, and the fetch left in flight when it reaches its
     * end offset holds up the next scan's first fetch for the whole wait: at the default, a worker spent about two
     * seconds per request reading its (empty) history.
     */
    private static final int FETCH_MAX_WAIT_MS = 5;

    private final org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer;
    private final String key;
    private final long deadlineNanos;

    public KeyedLogScan(org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer, String key,
            Duration within) {
        this.consumer = consumer;
        this.key = key;
        this.deadlineNanos = System.nanoTime() + within.toNanos();
    }

    /**
     * Hands each value keyed by this scan's key, from the first record at or after {@code fromMs} to the end
     * offset seen now, to {@code sink}, while {@code more} says to go on.
     *
     * @throws ScanFailedException if the topic has no partitions or the deadline passes
     */
    public void read(ReasoningTopic topic, long fromMs, Consumer<byte[]> sink, BooleanSupplier more) {
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
                if (record.offset() < end && key.equals(record.key()) && record.value() != null) {
                    sink.accept(record.value());
                }
            }
            remaining();
        }
    }

    /**
     * The settings of a consumer that serves scans, from a service's own consumer settings: no group and no
     * commits (it is assigned partitions, never subscribed), fetches that return at once, and polls large enough
     * to pass quickly over the other keys' records in the partition.
     */
    public static Map<String, Object> consumerConfig(Map<String, Object> service) {
        Map<String, Object> config = new HashMap<>(service);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return config;
    }

    /** The partition that holds {@code key} among {@code partitions}, as Kafka's default partitioner chooses it. */
    public static int partitionFor(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private TopicPartition partitionOf(ReasoningTopic topic) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic.topicName(), remaining());
        if (partitions == null || partitions.isEmpty()) {
            throw new ScanFailedException("topic " + topic.topicName() + " has no partitions");
        }
        return new TopicPartition(topic.topicName(), partitionFor(key, partitions.size()));
    }

    /** Time left before the deadline; throws once it has passed. */
    private Duration remaining() {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw new ScanFailedException("reading " + key + " from the log took longer than its time bound");
        }
        return Duration.ofNanos(left);
    }

    /** The log could not be read to the end in time, or the topic is missing. */
    public static final class ScanFailedException extends KafkaException {
        ScanFailedException(String message) {
            super(message);
        }
    }
}
