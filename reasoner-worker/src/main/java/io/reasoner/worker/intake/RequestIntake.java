package io.reasoner.worker.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.reasoner.protocol.ReasoningTopic;

/**
 * Takes requests from Kafka only when a decoding slot is free, and commits their offsets as they finish, in any
 * order.
 *
 * <ul>
 *   <li><b>Backpressure.</b> With no free slot every assigned partition is paused; the consumer keeps polling (so
 *       it stays in the group) but receives nothing. Records polled beyond the free slots are not kept: their
 *       partition is rewound to the first one not taken, so the worker holds no queue of its own.</li>
 *   <li><b>Priority.</b> Interactive requests ({@code reasoning.requests}) are taken before batch requests
 *       ({@code reasoning.requests.batch}) from the same poll; batch records left over are rewound.</li>
 *   <li><b>Out-of-order commits.</b> Requests of one partition run side by side and finish in any order; the
 *       partition's committed offset is the lowest one still in flight (see {@link OffsetTracker}).</li>
 *   <li><b>Handover.</b> When a partition is revoked, or the worker stops and its drain period runs out, the
 *       requests still running from it are told to stop without a result; revocation waits (bounded) until they
 *       have, so the next owner resumes them from a chunk log nobody else writes to any more.</li>
 *   <li><b>History.</b> The handler is told whether a record may have been served before: only one below the
 *       log's end at the moment its partition was assigned here can have been, so the steady stream of new
 *       requests is served without reading the chunk log first.</li>
 * </ul>
 *
 * <p>The Kafka consumer is confined to the intake thread; slot threads report back through a queue.
 */
public final class RequestIntake implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RequestIntake.class);
    /** How long a newly assigned partition's end offsets are waited for before its records count as seen. */
    private static final Duration END_OFFSETS_TIMEOUT = Duration.ofSeconds(5);

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final RequestHandler handler;
    private final SlotPool slots;
    private final IntakeSettings settings;
    private final Queue<Finished> finished = new ConcurrentLinkedQueue<>();
    private final Map<TopicPartition, Owned> owned = new HashMap<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean started;
    private volatile long queueLag;
    private volatile boolean assigned;
    private Consumer<String, byte[]> consumer;
    private Thread thread;

    /**
     * @param consumers makes the consumer when the intake starts: String keys, byte[] values, auto-commit off
     */
    public RequestIntake(Supplier<Consumer<String, byte[]>> consumers, RequestHandler handler, SlotPool slots,
            IntakeSettings settings) {
        this.consumers = consumers;
        this.handler = handler;
        this.slots = slots;
        this.settings = settings;
    }

    /**
     * @param pollTimeout    the longest one poll blocks; also how soon a freed slot is noticed
     * @param drainGrace     on shutdown, how long requests in flight may run on before they are handed over
     * @param handoverWait   how long a handover waits for its requests to stop (they stop within one step)
     */
    public record IntakeSettings(Duration pollTimeout, Duration drainGrace, Duration handoverWait) {
    }

    /** Records not yet consumed on this worker's partitions, at the last poll. */
    public long queueLag() {
        return queueLag;
    }

    /** Whether the consumer has partitions (or has been given its share of none by the group). */
    public boolean isAssigned() {
        return assigned;
    }

    @Override
    public void start() {
        consumer = consumers.get();
        thread = new Thread(this::run, "request-intake");
        started = true;
        thread.start();
    }

    @Override
    public boolean isRunning() {
        return started && stopped.getCount() > 0;
    }

    /** Stops taking requests, lets those in flight finish within the drain period, hands over the rest. */
    @Override
    public void stop() {
        stopping.set(true);
        long waitMs = settings.drainGrace().plus(settings.handoverWait()).plusSeconds(5).toMillis();
        try {
            if (!stopped.await(waitMs, TimeUnit.MILLISECONDS)) {
                log.warn("request intake did not stop within {} ms", waitMs);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            consumer.subscribe(List.of(ReasoningTopic.REQUESTS.topicName(),
                    ReasoningTopic.REQUESTS_BATCH.topicName()), new Rebalance());
            while (!stopping.get()) {
                cycle(true);
            }
            drain();
        } catch (WakeupException e) {
            log.info("request intake woken up to stop");
        } catch (RuntimeException e) {
            log.error("request intake failed; this worker takes no more requests", e);
        } finally {
            try {
                consumer.close(Duration.ofSeconds(10));
            } catch (RuntimeException e) {
                log.warn("closing the request consumer failed", e);
            }
            stopped.countDown();
        }
    }

    /** One poll: record what finished, pause or resume, take what fits, commit what may be. */
    private void cycle(boolean taking) {
        applyFinished();
        if (taking && slots.free() > 0) {
            consumer.resume(consumer.paused());
        } else {
            consumer.pause(consumer.assignment());
        }
        ConsumerRecords<String, byte[]> records = consumer.poll(settings.pollTimeout());
        take(records);
        applyFinished();
        commit(owned.keySet(), false);
        measureLag();
    }

    /** On shutdown: no new requests; wait for the running ones for the drain period, then hand them over. */
    private void drain() {
        long deadline = System.nanoTime() + settings.drainGrace().toNanos();
        while (hasRunning() && System.nanoTime() < deadline) {
            cycle(false);
        }
        if (hasRunning()) {
            log.info("drain period over; handing over {} running request(s)", runningCount());
            handOver(new ArrayList<>(owned.keySet()));
        }
        applyFinished();
        commit(owned.keySet(), true);
    }

    private void take(ConsumerRecords<String, byte[]> records) {
        if (records.isEmpty()) {
            return;
        }
        List<ConsumerRecord<String, byte[]>> ordered = new ArrayList<>();
        records.records(ReasoningTopic.REQUESTS.topicName()).forEach(ordered::add);
        records.records(ReasoningTopic.REQUESTS_BATCH.topicName()).forEach(ordered::add);
        Map<TopicPartition, Long> rewind = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : ordered) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            if (rewind.containsKey(partition)) {
                continue; // an earlier record of this partition was left; keep the partition in order
            }
            if (slots.free() == 0 || stopping.get() || !owned.containsKey(partition)) {
                rewind.put(partition, record.offset());
                continue;
            }
            start(partition, record);
        }
        rewind.forEach(consumer::seek);
    }

    private void start(TopicPartition partition, ConsumerRecord<String, byte[]> record) {
        Owned owner = owned.get(partition);
        owner.offsets().taken(record.offset());
        boolean mayHaveHistory = owner.mayHaveHistory(record.offset());
        Running task = new Running(partition, record.offset());
        owner.running().put(record.offset(), task);
        slots.submit(() -> {
            RequestHandler.Handled handled;
            try {
                handled = handler.handle(record, mayHaveHistory, task.handedOver::get);
            } catch (RuntimeException e) {
                log.error("request at {}@{} could not be completed; it stays uncommitted and is served again by "
                        + "the partition's next owner", partition, record.offset(), e);
                handled = RequestHandler.Handled.HANDED_OVER;
            }
            finished.add(new Finished(partition, record.offset(), handled));
            task.done.countDown();
        });
    }

    private void applyFinished() {
        Finished done;
        while ((done = finished.poll()) != null) {
            Owned owner = owned.get(done.partition());
            if (owner == null) {
                continue; // the partition went away meanwhile; its new owner serves the record again
            }
            owner.running().remove(done.offset());
            if (done.handled() == RequestHandler.Handled.DONE && owner.offsets().isInFlight(done.offset())) {
                owner.offsets().finished(done.offset());
            }
        }
    }

    private void commit(Collection<TopicPartition> partitions, boolean sync) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            Owned owner = owned.get(partition);
            OptionalLong offset = owner == null ? OptionalLong.empty() : owner.offsets().toCommit();
            if (offset.isPresent()) {
                offsets.put(partition, new OffsetAndMetadata(offset.getAsLong()));
                owner.offsets().committed(offset.getAsLong());
            }
        }
        if (offsets.isEmpty()) {
            return;
        }
        if (sync) {
            consumer.commitSync(offsets, Duration.ofSeconds(10));
        } else {
            consumer.commitAsync(offsets, (committed, error) -> {
                if (error != null) {
                    // The next commit carries a later offset and supersedes this one; a crash before it only
                    // redelivers requests whose results are already in the log.
                    log.warn("offset commit failed: {}", error.toString());
                }
            });
        }
    }

    /** Tells the running requests of {@code partitions} to stop without a result and waits until they have. */
    private void handOver(Collection<TopicPartition> partitions) {
        List<Running> tasks = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            Owned owner = owned.get(partition);
            if (owner != null) {
                tasks.addAll(owner.running().values());
            }
        }
        tasks.forEach(task -> task.handedOver.set(true));
        long deadline = System.nanoTime() + settings.handoverWait().toNanos();
        for (Running task : tasks) {
            try {
                if (!task.done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    log.warn("request at {}@{} did not stop within the handover wait", task.partition(),
                            task.offset());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        applyFinished();
    }

    private void measureLag() {
        long lag = 0;
        for (TopicPartition partition : consumer.assignment()) {
            lag += consumer.currentLag(partition).orElse(0);
        }
        queueLag = lag;
    }

    private boolean hasRunning() {
        return runningCount() > 0;
    }

    private int runningCount() {
        return owned.values().stream().mapToInt(owner -> owner.running().size()).sum();
    }

    @Override
    public int getPhase() {
        // Stop before the web server and the producer: results must still go out while draining.
        return SmartLifecycle.DEFAULT_PHASE;
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            endOffsets(partitions).forEach((partition, end) -> owned.put(partition, new Owned(end)));
            assigned = true;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            handOver(partitions);
            commit(partitions, true);
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            handOver(partitions); // another worker may already own them: stop, commit nothing
            forget(partitions);
        }

        /**
         * Where each partition's log ends now. A record below it may have been served, wholly or in part, by the
         * partition's previous owner; one from it on reached the log after that owner gave the partition up.
         * Unknown (the broker did not answer): every record is treated as possibly served.
         */
        private Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) {
            Map<TopicPartition, Long> ends = new HashMap<>();
            try {
                ends.putAll(consumer.endOffsets(partitions, END_OFFSETS_TIMEOUT));
            } catch (RuntimeException e) {
                log.warn("could not read the end offsets of {} ({}); each of their requests is looked up in the "
                        + "log before it is served", partitions, e.toString());
            }
            partitions.forEach(partition -> ends.putIfAbsent(partition, Long.MAX_VALUE));
            return ends;
        }

        private void forget(Collection<TopicPartition> partitions) {
            partitions.forEach(owned::remove);
        }
    }

    private record Finished(TopicPartition partition, long offset, RequestHandler.Handled handled) {
    }

    /**
     * What this worker keeps for a partition it owns, from assignment until revocation or loss.
     *
     * @param offsets   which of its offsets may be committed
     * @param freshFrom the log's end when the partition was assigned here: no worker saw a record from there on
     * @param running   the requests taken from it and not yet finished, by offset
     */
    private record Owned(OffsetTracker offsets, long freshFrom, Map<Long, Running> running) {
        Owned(long freshFrom) {
            this(new OffsetTracker(), freshFrom, new HashMap<>());
        }

        /** Whether the partition's previous owner may have served the record at {@code offset}, wholly or in part. */
        boolean mayHaveHistory(long offset) {
            return offset < freshFrom;
        }
    }

    private record Running(TopicPartition partition, long offset, AtomicBoolean handedOver, CountDownLatch done) {
        Running(TopicPartition partition, long offset) {
            this(partition, offset, new AtomicBoolean(), new CountDownLatch(1));
        }
    }
}
