package io.reasoner.engine.model;

import java.util.List;

/**
 * A fixed number of sequence slots of one model, advanced together: {@link #append} appends tokens to any subset
 * of the slots in one forward pass, reading the weights once for all of them. Each slot holds one sequence, up to
 * {@link #slotCapacity()} tokens; which request owns which slot is the caller's business (see
 * {@code io.reasoner.engine.batch.BatchDecoder}).
 *
 * <p>The KV cache of every slot is allocated when the batch is created, so its memory is fixed and known up front
 * ({@link #kvBytesPerSlot()} each) and decoding can never run out of it later.
 *
 * <p>Not thread-safe: confine a batch to one thread at a time.
 */
public interface SequenceBatch extends AutoCloseable {

    int slots();

    /** The most tokens one slot holds. */
    int slotCapacity();

    /**
     * KV-cache bytes one slot reserves: layers x 2 (keys and values) x kvHeads x headDim x slotCapacity x bytes per
     * element; 0 where unknown (test doubles).
     */
    long kvBytesPerSlot();

    /** Tokens in {@code slot} so far. */
    int length(int slot);

    /**
     * Appends each entry's tokens to its slot, all in one forward pass.
     *
     * @return the logits after each entry's last token, in the order of {@code appends}
     * @throws IllegalArgumentException  if {@code appends} is empty, names a slot outside [0, slots) or twice, or
     *                                   holds a token outside the vocabulary; nothing is appended
     * @throws SequenceCapacityException if an entry does not fit in its slot; nothing is appended
     */
    List<float[]> append(List<SlotAppend> appends);

    /**
     * Drops every token of {@code slot} after the first {@code newLength}; the next append continues from there
     * (0 empties the slot for another sequence). See {@link Sequence#truncate}.
     *
     * @throws IllegalArgumentException if {@code newLength} is not in [0, length(slot)]
     */
    void truncate(int slot, int newLength);

    /** Frees the KV caches; the batch is unusable afterwards. */
    @Override
    void close();
}
