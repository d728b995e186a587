package io.reasoner.engine.batch;

import io.reasoner.engine.decode.Ticker;
import io.reasoner.engine.model.LanguageModel;
import io.reasoner.engine.weights.LoadReport;
import io.reasoner.engine.model.ModelInfo;
import io.reasoner.engine.model.Sequence;
import io.reasoner.engine.model.SequenceBatch;
import io.reasoner.engine.tokenizer.Tokenizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A model whose sequences are decoded together: every {@link Sequence} it hands out is a view of one slot of a
 * {@link BatchDecoder} that a single stepping thread owns. A sequence's {@code prefill} or {@code step}, called on
 * the request's own thread, hands its tokens to the stepper and waits; the stepper runs one forward pass over every
 * sequence that is waiting, then hands each its logits. So code written against one {@link Sequence} (the budget
 * forcer, the decoding loop) is batched without knowing it, and each request keeps its own thread for sampling,
 * logits processing and detokenising.
 *
 * <p><b>When a step runs.</b> As soon as every admitted sequence is waiting, or, if some request thread is busy
 * elsewhere (publishing, a pause for garbage collection), once {@code gatherWindow} has passed since the last step
 * ended: a slow request delays the others by at most that window, never by its own work.
 *
 * <p><b>Slots.</b> Each sequence takes a KV-cache slot of the decoder when it first prefills and gives it back when
 * closed. A sequence's capacity is the smaller of what was asked and the slot size; asking for more than a slot
 * holds is not an error, the sequence simply reports the smaller {@link Sequence#capacity()}. When every slot is
 * taken, the first prefill fails with an {@link AdmissionException}; callers size their concurrency to
 * {@link #slots()}.
 *
 * <p><b>Errors.</b> Tokens are checked on the caller's thread before they reach the stepper, so one request's bad
 * token or full slot fails that request alone. A failure of the forward pass itself fails every sequence of that
 * step, and the stepper goes on with the next.
 *
 * <p>Closing this model stops the stepper and frees the KV cache; it does not close the wrapped model.
 */
public final class BatchingModel implements LanguageModel {

    private final LanguageModel model;
    private final BatchDecoder decoder;
    private final long gatherWindowNanos;
    private final long stepTimeoutNanos;
    private final Ticker ticker;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a sequence starts waiting, leaves, or the model closes: the stepper may have work. */
    private final Condition work = lock.newCondition();
    /** Signalled after every step: waiting sequences look for their logits. */
    private final Condition stepped = lock.newCondition();
    /** Sequences blocked in prefill or step, in arrival order; guarded by {@link #lock}. */
    private final Map<SequenceId, Waiter> waiting = new LinkedHashMap<>();
    private final BatchCounters counters = new BatchCounters();
    private final Thread stepper;
    private boolean closed;

    private BatchingModel(LanguageModel model, BatchDecoder decoder, Duration gatherWindow, Duration stepTimeout,
            Ticker ticker) {
        this.model = model;
        this.decoder = decoder;
        this.gatherWindowNanos = gatherWindow.toNanos();
        this.stepTimeoutNanos = stepTimeout.toNanos();
        this.ticker = ticker;
        this.stepper = new Thread(this::runSteps, "batch-stepper");
        this.stepper.setDaemon(true);
    }

    /**
     * Opens the decoder (allocating every KV-cache slot, see {@link BatchDecoder#open}) and starts the stepper.
     *
     * @param gatherWindow how long a step waits for request threads that are not back yet; at least 0
     * @param stepTimeout  how long a sequence waits for its logits before giving up (a stuck forward pass)
     */
    public static BatchingModel open(LanguageModel model, BatchConfig config, Duration gatherWindow,
            Duration stepTimeout) {
        Objects.requireNonNull(gatherWindow, "gatherWindow");
        Objects.requireNonNull(stepTimeout, "stepTimeout");
        if (gatherWindow.isNegative()) {
            throw new IllegalArgumentException("gatherWindow must be >= 0, was " + gatherWindow);
        }
        if (stepTimeout.isNegative() || stepTimeout.isZero()) {
            throw new IllegalArgumentException("stepTimeout must be > 0, was " + stepTimeout);
        }
        BatchDecoder decoder = BatchDecoder.open(model, config);
        BatchingModel batching = new BatchingModel(model, decoder, gatherWindow, stepTimeout, Ticker.system());
        batching.stepper.start();
        return batching;
    }

    /** Sequences that can decode at once: the KV-cache slots the decoder could afford, at most the batch size. */
    public int slots() {
        lock.lock();
        try {
            return decoder.freeSlots() + decoder.activeCount();
        } finally {
            lock.unlock();
        }
    }

    /** The most tokens one sequence may hold: the KV-cache slot size. */
    public int slotCapacity() {
        return decoder.slotCapacity();
    }

    /** What the stepper has done so far. */
    public BatchCounters.Snapshot counters() {
        return counters.snapshot();
    }

    /** KV-cache bytes allocated for all slots. */
    public long kvBytes() {
        return decoder.totalKvBytes();
    }

    @Override
    public ModelInfo info() {
        return model.info();
    }

    @Override
    public Tokenizer tokenizer() {
        return model.tokenizer();
    }

    @Override
    public Optional<LoadReport> loadReport() {
        return model.loadReport();
    }

    @Override
    public long kvBytesPerToken() {
        return model.kvBytesPerToken();
    }

    /** Not offered: this model's sequences are already batched; batch the wrapped model instead. */
    @Override
    public SequenceBatch newBatch(int slots, int slotCapacity) {
        throw new UnsupportedOperationException("a BatchingModel's sequences are already batched; "
                + "call newBatch on the model it wraps");
    }

    /** @throws IllegalArgumentException if {@code maxTokens} is not in [1, contextLength] */
    @Override
    public Sequence newSequence(int maxTokens) {
        int context = model.info().contextLength();
        if (maxTokens < 1 || maxTokens > context) {
            throw new IllegalArgumentException("maxTokens must be in [1, " + context + "], was " + maxTokens);
        }
        return new BatchedSequence(this, Math.min(maxTokens, slotCapacity()));
    }

    // ---- called by BatchedSequence on request threads

    /** Joins the decoder with {@code tokens} as the prompt, or queues them after what the sequence holds. */
    float[] prefill(BatchedSequence sequence, int[] tokens) {
        lock.lock();
        try {
            ensureOpen();
            if (sequence.id() == null) {
                sequence.joined(decoder.join(new DecodeRequest(tokens, sequence.capacity() - tokens.length)));
            } else {
                decoder.append(sequence.id(), tokens);
            }
            return await(sequence.id(), new Waiter(null));
        } finally {
            lock.unlock();
        }
    }

    float[] step(BatchedSequence sequence, int token) {
        lock.lock();
        try {
            ensureOpen();
            return await(sequence.id(), new Waiter(token));
        } finally {
            lock.unlock();
        }
    }

    int length(BatchedSequence sequence) {
        lock.lock();
        try {
            return sequence.id() == null ? 0 : decoder.length(sequence.id());
        } finally {
            lock.unlock();
        }
    }

    void truncate(BatchedSequence sequence, int newLength) {
        lock.lock();
        try {
            ensureOpen();
            decoder.truncate(sequence.id(), newLength);
        } finally {
            lock.unlock();
        }
    }

    void leave(BatchedSequence sequence) {
        lock.lock();
        try {
            if (!closed && sequence.id() != null) {
                waiting.remove(sequence.id());
                decoder.leave(sequence.id());
                work.signal(); // one fewer sequence to gather: the step may be due now
            }
        } finally {
            lock.unlock();
        }
    }

    /** Registers the caller as waiting, wakes the stepper, and blocks (bounded) until its logits arrive. */
    private float[] await(SequenceId id, Waiter waiter) {
        waiting.put(id, waiter);
        work.signal();
        long remaining = stepTimeoutNanos;
        try {
            while (!waiter.done() && remaining > 0 && !closed) {
                remaining = stepped.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            waiting.remove(id);
            throw new IllegalStateException("interrupted while waiting for the batch step of " + id, e);
        }
        if (!waiter.done()) {
            waiting.remove(id);
            throw new IllegalStateException(closed ? "the batching model closed while " + id + " was decoding"
                    : "no logits for " + id + " within " + TimeUnit.NANOSECONDS.toMillis(stepTimeoutNanos) + " ms");
        }
        return waiter.logits();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the batching model is closed");
        }
    }

    // ---- the stepper

    private void runSteps() {
        lock.lock();
        try {
            long lastStepEnd = ticker.read();
            while (!closed) {
                if (waiting.isEmpty()) {
                    work.await();
                    lastStepEnd = ticker.read(); // idle until now: the window counts from the first arrival
                    continue;
                }
                long remaining = lastStepEnd + gatherWindowNanos - ticker.read();
                if (waiting.size() < decoder.activeCount() && remaining > 0) {
                    work.awaitNanos(remaining);
                    continue;
                }
                runStep();
                lastStepEnd = ticker.read();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            failAll(new IllegalStateException("the batching model closed"));
            lock.unlock();
        }
    }

    /** One forward pass for every waiting sequence; hands out the logits and wakes their threads. */
    private void runStep() {
        Map<SequenceId, Integer> tokens = new HashMap<>();
        waiting.forEach((id, waiter) -> {
            if (waiter.token() != null) {
                tokens.put(id, waiter.token());
            }
        });
        StepResult result;
        try {
            result = decoder.step(tokens);
        } catch (RuntimeException e) {
            failAll(e);
            return;
        }
        if (result.decodedTokens() + result.prefilledTokens() == 0) {
            // Nothing could run for those waiting: they would wait forever.
            failAll(new IllegalStateException("batch step had nothing to run for " + waiting.keySet()));
            return;
        }
        counters.record(result);
        result.logits().forEach((id, logits) -> {
            Waiter waiter = waiting.remove(id);
            if (waiter != null) {
                waiter.complete(logits);
            }
        });
        stepped.signalAll();
    }

    private void failAll(RuntimeException cause) {
        for (Waiter waiter : new ArrayList<>(waiting.values())) {
            waiter.fail(cause);
        }
        waiting.clear();
        stepped.signalAll();
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            work.signalAll();
            stepped.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            stepper.join(TimeUnit.NANOSECONDS.toMillis(stepTimeoutNanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        decoder.close();
    }

    /** One sequence's hand-off to the stepper: the token it brings (none while prefilling) and what comes back. */
    private static final class Waiter {
        private final Integer token;
        private float[] logits;
        private RuntimeException failure;

        Waiter(Integer token) {
            this.token = token;
        }

        Integer token() {
            return token;
        }

        boolean done() {
            return logits != null || failure != null;
        }

        void complete(float[] scores) {
            logits = scores;
        }

        void fail(RuntimeException cause) {
            failure = cause;
        }

        float[] logits() {
            if (failure != null) {
                throw new IllegalStateException("batch step failed: " + failure.getMessage(), failure);
            }
            return logits;
        }
    }
}
