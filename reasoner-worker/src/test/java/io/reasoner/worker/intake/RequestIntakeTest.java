package io.reasoner.worker.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.reasoner.protocol.ReasoningTopic;

/**
 * The intake against Kafka's own {@link MockConsumer}: which records it takes, when it pauses, what it commits,
 * and what it does with running requests when a partition goes away.
 */
class RequestIntakeTest {

    private static final TopicPartition INTERACTIVE = new TopicPartition(ReasoningTopic.REQUESTS.topicName(), 0);
    private static final TopicPartition BATCH = new TopicPartition(ReasoningTopic.REQUESTS_BATCH.topicName(), 0);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final PollingConsumer consumer = new PollingConsumer();
    private final ScriptedHandler handler = new ScriptedHandler();
    private SlotPool slots;
    private RequestIntake intake;

    @AfterEach
    void stop() {
        handler.releaseAll();
        if (intake != null) {
            intake.stop();
        }
        if (slots != null) {
            slots.close();
        }
    }

    @Test
    void takesOnlyAsManyRequestsAsThereAreFreeSlots_andPausesUntilOneFrees() throws Exception {
        start(2, INTERACTIVE);
        for (int offset = 0; offset < 5; offset++) {
            consumer.addRecord(record(INTERACTIVE, offset));
        }

        assertThat(handler.nextStarted()).isEqualTo(key(INTERACTIVE, 0));
        assertThat(handler.nextStarted()).isEqualTo(key(INTERACTIVE, 1));
        await().atMost(WAIT).until(() -> consumer.paused().contains(INTERACTIVE));
        assertThat(handler.started.poll(300, TimeUnit.MILLISECONDS)).isNull();

        handler.finish(key(INTERACTIVE, 1), RequestHandler.Handled.DONE);
        assertThat(handler.nextStarted()).isEqualTo(key(INTERACTIVE, 2));
    }

    @Test
    void requestsFinishingOutOfOrder_commitTheLowestOffsetStillRunning() throws Exception {
        start(3, INTERACTIVE);
        for (int offset = 0; offset < 3; offset++) {
            consumer.addRecord(record(INTERACTIVE, offset));
        }
        for (int offset = 0; offset < 3; offset++) {
            handler.nextStarted();
        }

        handler.finish(key(INTERACTIVE, 2), RequestHandler.Handled.DONE);
        handler.finish(key(INTERACTIVE, 1), RequestHandler.Handled.DONE);
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> committed(INTERACTIVE) <= 0);

        handler.finish(key(INTERACTIVE, 0), RequestHandler.Handled.DONE);
        await().atMost(WAIT).until(() -> committed(INTERACTIVE) == 3);
    }

    @Test
    void interactiveRequestsAreTakenBeforeBatchRequestsPolledWithThem() throws Exception {
        start(1, INTERACTIVE, BATCH);
        consumer.pauseDelivery(true);
        consumer.addRecord(record(BATCH, 0));
        consumer.addRecord(record(INTERACTIVE, 0));
        consumer.pauseDelivery(false);

        assertThat(handler.nextStarted()).isEqualTo(key(INTERACTIVE, 0));
        handler.finish(key(INTERACTIVE, 0), RequestHandler.Handled.DONE);
        assertThat(handler.nextStarted()).isEqualTo(key(BATCH, 0)); // rewound, not lost
    }

    @Test
    void aRevokedPartition_handsOverItsRunningRequest_andNeverCommitsPastIt() throws Exception {
        start(2, INTERACTIVE);
        consumer.addRecord(record(INTERACTIVE, 0));
        consumer.addRecord(record(INTERACTIVE, 1));
        handler.nextStarted();
        handler.nextStarted();
        handler.finish(key(INTERACTIVE, 1), RequestHandler.Handled.DONE);
        handler.stopWhenHandedOver(key(INTERACTIVE, 0));

        consumer.schedulePollTask(() -> consumer.rebalance(List.of()));

        await().atMost(WAIT).until(() -> handler.handedOver.contains(key(INTERACTIVE, 0)));
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> committed(INTERACTIVE) <= 0);
    }

    @Test
    void stop_letsRunningRequestsFinishWithinTheDrainPeriod() throws Exception {
        start(1, INTERACTIVE);
        consumer.addRecord(record(INTERACTIVE, 0));
        handler.nextStarted();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(intake::stop);

        handler.finish(key(INTERACTIVE, 0), RequestHandler.Handled.DONE);
        stopping.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(handler.handedOver).isEmpty();
        assertThat(consumer.closed()).isTrue();
        assertThat(consumer.lastCommitted(INTERACTIVE)).isEqualTo(1);
    }

    @Test
    void stop_handsOverWhatIsStillRunningWhenTheDrainPeriodEnds() throws Exception {
        start(1, INTERACTIVE);
        consumer.addRecord(record(INTERACTIVE, 0));
        handler.nextStarted();
        handler.stopWhenHandedOver(key(INTERACTIVE, 0));

        intake.stop();

        assertThat(handler.handedOver).contains(key(INTERACTIVE, 0));
        assertThat(consumer.closed()).isTrue();
        assertThat(consumer.lastCommitted(INTERACTIVE)).isLessThanOrEqualTo(0);
    }

    @Test
    void recordsInTheLogBeforeThePartitionCameHere_mayHaveBeenServed_laterOnesCannot() throws Exception {
        consumer.addRecord(record(INTERACTIVE, 0));
        consumer.addRecord(record(INTERACTIVE, 1));
        start(4, INTERACTIVE);
        consumer.addRecord(record(INTERACTIVE, 2));

        for (int offset = 0; offset < 3; offset++) {
            handler.nextStarted();
        }

        assertThat(handler.mayHaveHistory).containsExactlyInAnyOrderEntriesOf(Map.of(key(INTERACTIVE, 0), true,
                key(INTERACTIVE, 1), true, key(INTERACTIVE, 2), false));
    }

    private void start(int slotCount, TopicPartition... partitions) {
        slots = new SlotPool(slotCount);
        intake = new RequestIntake(() -> consumer, handler, slots, new RequestIntake.IntakeSettings(
                Duration.ofMillis(20), Duration.ofMillis(300), Duration.ofSeconds(5)));
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(partitions));
            Map<TopicPartition, Long> beginnings = new java.util.HashMap<>();
            for (TopicPartition partition : partitions) {
                beginnings.put(partition, 0L);
            }
            consumer.updateBeginningOffsets(beginnings);
        });
        intake.start();
        await().atMost(WAIT).until(intake::isAssigned);
    }

    private long committed(TopicPartition partition) {
        return consumer.lastCommitted(partition);
    }

    private static ConsumerRecord<String, byte[]> record(TopicPartition partition, long offset) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, key(partition, offset),
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    private static String key(TopicPartition partition, long offset) {
        return partition.topic() + "@" + offset;
    }

    /**
     * Blocks in poll like a real consumer, and, unlike {@link MockConsumer} alone, keeps every record so that a
     * seek back delivers it again, as a broker would. Can hold records back so several arrive in one poll.
     */
    private static final class PollingConsumer extends MockConsumer<String, byte[]> {
        private static final int MAX_POLL_RECORDS = 100;
        private volatile boolean holding;
        private final Map<TopicPartition, Long> commits = new ConcurrentHashMap<>();
        private final Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> log = new ConcurrentHashMap<>();

        PollingConsumer() {
            super("earliest");
        }

        void pauseDelivery(boolean hold) {
            holding = hold;
        }

        @Override
        public synchronized void addRecord(ConsumerRecord<String, byte[]> record) {
            log.computeIfAbsent(new TopicPartition(record.topic(), record.partition()),
                    p -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(record);
            notifyAll();
        }

        @Override
        public synchronized ConsumerRecords<String, byte[]> poll(Duration timeout) {
            super.poll(Duration.ZERO); // runs scheduled tasks (rebalances) and checks the consumer is usable
            Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> out = new java.util.HashMap<>();
            int budget = MAX_POLL_RECORDS;
            if (!holding) {
                for (TopicPartition partition : assignment()) {
                    if (paused().contains(partition)) {
                        continue;
                    }
                    long position = position(partition);
                    for (ConsumerRecord<String, byte[]> record : log.getOrDefault(partition, List.of())) {
                        if (record.offset() >= position && budget > 0) {
                            out.computeIfAbsent(partition, p -> new java.util.ArrayList<>()).add(record);
                            seek(partition, record.offset() + 1);
                            budget--;
                        }
                    }
                }
            }
            if (out.isEmpty()) {
                waitBriefly(timeout);
                return ConsumerRecords.empty();
            }
            return new ConsumerRecords<>(out, Map.of());
        }

        @Override
        public synchronized void commitAsync(Map<TopicPartition, OffsetAndMetadata> offsets,
                org.apache.kafka.clients.consumer.OffsetCommitCallback callback) {
            offsets.forEach((partition, offset) -> commits.put(partition, offset.offset()));
            super.commitAsync(offsets, callback);
        }

        @Override
        public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
            offsets.forEach((partition, offset) -> commits.put(partition, offset.offset()));
            super.commitSync(offsets);
        }

        /** The log's end now, as a broker answers it. */
        @Override
        public synchronized Map<TopicPartition, Long> endOffsets(java.util.Collection<TopicPartition> partitions,
                Duration timeout) {
            Map<TopicPartition, Long> ends = new java.util.HashMap<>();
            partitions.forEach(p -> ends.put(p, (long) log.getOrDefault(p, List.of()).size()));
            return ends;
        }

        long lastCommitted(TopicPartition partition) {
            return commits.getOrDefault(partition, -1L);
        }

        private void waitBriefly(Duration timeout) {
            try {
                wait(Math.max(1, timeout.toMillis())); // releases the monitor, so the test can add records
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A handler whose requests run until the test finishes them, or until they are handed over. */
    private static final class ScriptedHandler implements RequestHandler {
        final BlockingQueue<String> started = new LinkedBlockingQueue<>();
        final Set<String> handedOver = ConcurrentHashMap.newKeySet();
        final Map<String, Boolean> mayHaveHistory = new ConcurrentHashMap<>();
        private final Map<String, CompletableFuture<Handled>> outcomes = new ConcurrentHashMap<>();
        private final Set<String> yieldOnHandover = ConcurrentHashMap.newKeySet();

        @Override
        public Handled handle(ConsumerRecord<String, byte[]> record, boolean mayHaveHistory,
                BooleanSupplier handedOverNow) {
            CompletableFuture<Handled> outcome = outcome(record.key());
            this.mayHaveHistory.put(record.key(), mayHaveHistory);
            started.add(record.key());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                if (yieldOnHandover.contains(record.key()) && handedOverNow.getAsBoolean()) {
                    handedOver.add(record.key());
                    return Handled.HANDED_OVER;
                }
                try {
                    return outcome.get(5, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    // a decoding step's worth of waiting; check for handover again
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            throw new IllegalStateException("test request " + record.key() + " never finished");
        }

        String nextStarted() throws InterruptedException {
            String key = started.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(key).as("a request should have started").isNotNull();
            return key;
        }

        void finish(String key, Handled handled) {
            outcome(key).complete(handled);
        }

        void stopWhenHandedOver(String key) {
            yieldOnHandover.add(key);
        }

        void releaseAll() {
            outcomes.values().forEach(outcome -> outcome.complete(Handled.DONE));
        }

        private CompletableFuture<Handled> outcome(String key) {
            return outcomes.computeIfAbsent(key, k -> new CompletableFuture<>());
        }
    }
}
