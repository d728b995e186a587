package io.reasoner.engine.batch;

import io.reasoner.engine.decode.Ticker;
import io.reasoner.engine.model.LanguageModel;
import io.reasoner.engine.model.SequenceBatch;
import io.reasoner.engine.model.SequenceCapacityException;
import io.reasoner.engine.model.SlotAppend;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Decodes many sequences of one model together (continuous batching). A worker loop calls {@link #step} with the
 * token it sampled for each ready sequence; the step appends all of them, plus the next chunk of any joining
 * sequence's prompt, in one forward pass, and returns the logits each sequence needs next. Sequences
 * {@link #join} and {@link #leave} between steps.
 *
 * <pre>{@code
 * SequenceId id = decoder.join(new DecodeRequest(prompt, 200, hook));
 * Map<SequenceId, Integer> next = Map.of();
 * while (...) {
 *     StepResult result = decoder.step(next);
 *     next = sample(result.logits());   // sequences still prefilling have no logits yet
 * }
 * }</pre>
 *
 * <p><b>Memory.</b> Every sequence reserves one KV-cache slot of {@link BatchConfig#maxSequenceTokens()} tokens,
 * allocated when the decoder opens: as many slots as the budget holds, up to the batch size. Admission checks
 * the context length, the slot size and the free slots, and refuses with an {@link AdmissionException} rather
 * than ever allocating more.
 *
 * <p><b>Prefill.</b> Prompts are prefilled in chunks of at most {@link BatchConfig#prefillChunkTokens()} tokens per
 * step across all joining sequences (first come, first served), in the same forward pass as the decoding tokens,
 * so a long prompt never stalls the others for more than one chunk's work. A sequence receives logits once its
 * whole prompt is in; only then does it take tokens.
 *
 * <p>Not thread-safe: one decoding thread owns a decoder.
 */
public final class BatchDecoder implements AutoCloseable {

    private final BatchConfig config;
    private final int contextLength;
    private final int vocabSize;
    private final SequenceBatch batch;
    private final SlotPool slots;
    private final Ticker ticker;
    /** In join order, which is the order prompts are prefilled in. */
    private final Map<SequenceId, ActiveSequence> active = new LinkedHashMap<>();
    private long lastId;

    private BatchDecoder(LanguageModel model, BatchConfig config, SequenceBatch batch, Ticker ticker) {
        this.config = config;
        this.contextLength = model.info().contextLength();
        this.vocabSize = model.info().vocabSize();
        this.batch = batch;
        this.slots = new SlotPool(batch.slots(), batch.kvBytesPerSlot());
        this.ticker = ticker;
    }

    /**
     * Allocates the KV-cache slots: {@code min(maxBatchSize, kvBudgetBytes / slotBytes)} of them, where
     * {@code slotBytes = maxSequenceTokens x model.kvBytesPerToken()}.
     *
     * @throws IllegalArgumentException if {@code maxSequenceTokens} exceeds the model's context length, or the
     *                                  budget cannot hold a single slot
     */
    public static BatchDecoder open(LanguageModel model, BatchConfig config, Ticker ticker) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(ticker, "ticker");
        int context = model.info().contextLength();
        if (config.maxSequenceTokens() > context) {
            throw new IllegalArgumentException("maxSequenceTokens must be in [1, " + context
                    + "] (the model's context length), was " + config.maxSequenceTokens());
        }
        long slotBytes = model.kvBytesPerToken() * config.maxSequenceTokens();
        long affordable = slotBytes == 0 ? config.maxBatchSize() : config.kvBudgetBytes() / slotBytes;
        if (affordable < 1) {
            throw new IllegalArgumentException("kvBudgetBytes must hold at least one sequence of maxSequenceTokens ("
                    + config.maxSequenceTokens() + " tokens = " + slotBytes + " bytes), was " + config.kvBudgetBytes());
        }
        int slotCount = (int) Math.min(config.maxBatchSize(), affordable);
        return new BatchDecoder(model, config, model.newBatch(slotCount, config.maxSequenceTokens()), ticker);
    }

    public static BatchDecoder open(LanguageModel model, BatchConfig config) {
        return open(model, config, Ticker.system());
    }

    /**
     * Admits a sequence and queues its prompt for prefilling; its first logits come from a later {@link #step}.
     *
     * @throws AdmissionException       if it does not fit (see {@link AdmissionException.Reason}); nothing changes
     * @throws IllegalArgumentException if a prompt token is outside the vocabulary
     */
    public SequenceId join(DecodeRequest request) {
        Objects.requireNonNull(request, "request");
        int[] prompt = request.prompt();
        checkTokens(prompt);
        checkFits(request);
        int slot = slots.claim();
        if (slot < 0) {
            throw refusal();
        }
        SequenceId id = new SequenceId(++lastId);
        active.put(id, new ActiveSequence(id, slot, request.hook(), prompt));
        return id;
    }

    private void checkFits(DecodeRequest request) {
        String needed = "prompt (" + request.prompt().length + " tokens) + maxNewTokens (" + request.maxNewTokens()
                + ") = " + request.tokensNeeded() + " tokens";
        if (request.tokensNeeded() > contextLength) {
            throw new AdmissionException(AdmissionException.Reason.CONTEXT_LENGTH,
                    needed + " exceeds the model's context length of " + contextLength + " tokens");
        }
        if (request.tokensNeeded() > batch.slotCapacity()) {
            throw new AdmissionException(AdmissionException.Reason.SEQUENCE_CAPACITY,
                    needed + " exceeds maxSequenceTokens (" + batch.slotCapacity()
                            + "), the KV-cache slot every sequence reserves");
        }
    }

    private AdmissionException refusal() {
        if (slots.slots() < config.maxBatchSize()) {
            return new AdmissionException(AdmissionException.Reason.KV_BUDGET, String.format(Locale.ROOT,
                    "KV-cache budget exhausted: all %d slots of %d tokens are in use (%s of the %s budget; a"
                            + " sequence reserves %s)", slots.slots(), batch.slotCapacity(), mib(usedKvBytes()),
                    mib(config.kvBudgetBytes()), mib(slots.bytesPerSlot())));
        }
        return new AdmissionException(AdmissionException.Reason.BATCH_FULL,
                "batch full: maxBatchSize (" + config.maxBatchSize() + ") sequences are decoding");
    }

    /** Ends a sequence, whatever its state, and frees its slot for the next {@link #join}. */
    public void leave(SequenceId id) {
        ActiveSequence sequence = require(id);
        active.remove(id);
        batch.truncate(sequence.slot(), 0);
        slots.release(sequence.slot());
    }

    /**
     * Queues forced text (for instance "Wait" when budget forcing extends thinking) to be prefilled in chunks like
     * a prompt; the sequence receives logits again once all of it is in.
     *
     * @throws IllegalStateException     if the sequence still has tokens pending
     * @throws SequenceCapacityException if they would not fit in its slot
     */
    public void append(SequenceId id, int[] tokens) {
        ActiveSequence sequence = requireReady(id, "append to");
        if (tokens.length == 0) {
            throw new IllegalArgumentException("tokens must not be empty");
        }
        checkTokens(tokens);
        int length = batch.length(sequence.slot());
        if (tokens.length > batch.slotCapacity() - length) {
            throw new SequenceCapacityException(length, batch.slotCapacity(), tokens.length);
        }
        sequence.queue(tokens.clone());
    }

    /**
     * Rolls a sequence back to its first {@code newLength} tokens (see
     * {@link io.reasoner.engine.model.Sequence#truncate}); the next token given to {@link #step} follows them.
     */
    public void truncate(SequenceId id, int newLength) {
        ActiveSequence sequence = requireReady(id, "truncate");
        batch.truncate(sequence.slot(), newLength);
    }

    /**
     * Appends {@code nextTokens} (one token for each ready sequence that should advance; others wait) and the next
     * prefill chunk, in one forward pass.
     *
     * @throws IllegalArgumentException  if an id is unknown or a token outside the vocabulary; nothing changes
     * @throws IllegalStateException     if a sequence given a token is still prefilling; nothing changes
     * @throws SequenceCapacityException if a sequence's slot is full; nothing changes
     */
    public StepResult step(Map<SequenceId, Integer> nextTokens) {
        Objects.requireNonNull(nextTokens, "nextTokens");
        List<ActiveSequence> owners = new ArrayList<>();
        List<SlotAppend> appends = new ArrayList<>();
        addDecodeTokens(nextTokens, owners, appends);
        int decoded = appends.size();
        int prefilled = addPrefillChunks(owners, appends);
        if (appends.isEmpty()) {
            return StepResult.idle();
        }
        long start = ticker.read();
        List<float[]> logits = batch.append(appends);
        long forwardNanos = ticker.read() - start;
        Map<SequenceId, float[]> out = new HashMap<>();
        for (int i = 0; i < owners.size(); i++) {
            ActiveSequence owner = owners.get(i);
            if (i >= decoded) {
                owner.consume(appends.get(i).tokens().length);
            }
            if (owner.ready()) {
                float[] scores = logits.get(i);
                owner.hook().apply(scores);
                out.put(owner.id(), scores);
            }
        }
        return new StepResult(out, decoded, prefilled, forwardNanos);
    }

    /** Validates every decoding token before anything is taken, so a refused step changes nothing. */
    private void addDecodeTokens(Map<SequenceId, Integer> nextTokens, List<ActiveSequence> owners,
                                 List<SlotAppend> appends) {
        for (Map.Entry<SequenceId, Integer> entry : nextTokens.entrySet()) {
            ActiveSequence sequence = requireReady(entry.getKey(), "give a token to");
            int token = Objects.requireNonNull(entry.getValue(), "token");
            checkTokens(new int[] {token});
            int length = batch.length(sequence.slot());
            if (length == batch.slotCapacity()) {
                throw new SequenceCapacityException(length, batch.slotCapacity(), 1);
            }
            owners.add(sequence);
            appends.add(new SlotAppend(sequence.slot(), new int[] {token}));
        }
    }

    /** Shares the step's prefill budget among sequences with pending tokens, in join order; returns tokens added. */
    private int addPrefillChunks(List<ActiveSequence> owners, List<SlotAppend> appends) {
        int budget = config.prefillChunkTokens();
        for (ActiveSequence sequence : active.values()) {
            if (budget == 0) {
                break;
            }
            int count = Math.min(budget, sequence.pendingCount());
            if (count > 0) {
                owners.add(sequence);
                appends.add(new SlotAppend(sequence.slot(), sequence.peek(count)));
                budget -= count;
            }
        }
        return config.prefillChunkTokens() - budget;
    }

    private void checkTokens(int[] tokens) {
        for (int token : tokens) {
            if (token < 0 || token >= vocabSize) {
                throw new IllegalArgumentException("token must be in [0, " + (vocabSize - 1) + "], was " + token);
            }
        }
    }

    private ActiveSequence require(SequenceId id) {
        ActiveSequence sequence = active.get(Objects.requireNonNull(id, "id"));
        if (sequence == null) {
            throw new IllegalArgumentException("no sequence " + id + " in this decoder (never joined, or left)");
        }
        return sequence;
    }

    private ActiveSequence requireReady(SequenceId id, String action) {
        ActiveSequence sequence = require(id);
        if (!sequence.ready()) {
            throw new IllegalStateException("cannot " + action + " " + id + " while " + sequence.pendingCount()
                    + " of its tokens are still to prefill; wait for the step that returns its logits");
        }
        return sequence;
    }

    /** Tokens held in the sequence's KV cache; pending prompt tokens are not counted until prefilled. */
    public int length(SequenceId id) {
        return batch.length(require(id).slot());
    }

    /** Whether the sequence still has prompt or appended tokens to prefill, and so takes no token yet. */
    public boolean isPrefilling(SequenceId id) {
        return !require(id).ready();
    }

    /** The most tokens one sequence may hold: the KV-cache slot size. */
    public int slotCapacity() {
        return batch.slotCapacity();
    }

    public int activeCount() {
        return active.size();
    }

    /** Sequences that can still join now. */
    public int freeSlots() {
        return slots.slots() - slots.inUse();
    }

    /** KV-cache bytes reserved by the sequences now admitted: their slots. */
    public long usedKvBytes() {
        return slots.usedBytes();
    }

    /** KV-cache bytes allocated for all slots, at most {@link BatchConfig#kvBudgetBytes()}. */
    public long totalKvBytes() {
        return slots.totalBytes();
    }

    /** Frees the KV cache; every sequence ends. */
    @Override
    public void close() {
        active.clear();
        batch.close();
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
