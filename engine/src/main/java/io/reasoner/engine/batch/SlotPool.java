package io.reasoner.engine.batch;

import java.util.BitSet;

/**
 * Which KV-cache slots of a batch are taken, and the bytes that accounts for. Hands out the lowest free slot, so
 * the sequences decoding together stay in a narrow range of slots, which is all the padded attention pays for.
 */
final class SlotPool {

    private final int slots;
    private final long bytesPerSlot;
    private final BitSet taken = new BitSet();

    SlotPool(int slots, long bytesPerSlot) {
        this.slots = slots;
        this.bytesPerSlot = bytesPerSlot;
    }

    /** The lowest free slot, now taken; -1 if none is free. */
    int claim() {
        int slot = taken.nextClearBit(0);
        if (slot >= slots) {
            return -1;
        }
        taken.set(slot);
        return slot;
    }

    void release(int slot) {
        taken.clear(slot);
    }

    int slots() {
        return slots;
    }

    int inUse() {
        return taken.cardinality();
    }

    long bytesPerSlot() {
        return bytesPerSlot;
    }

    long usedBytes() {
        return inUse() * bytesPerSlot;
    }

    long totalBytes() {
        return slots * bytesPerSlot;
    }
}
