package io.reasoner.engine.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How one forward step lays out the tokens of several appends as rows of a single batch, worked out in plain
 * Java before any tensor exists. Every layer but attention treats the rows alike, so the order only matters to
 * attention, which needs each row's keys:
 * <ul>
 *   <li>single-token appends (decoding) come first, sorted by slot. They attend together in one batched matmul
 *       over the slot range they span (see {@link Attention}); when they fill that range exactly ("packed") their
 *       queries are already in the shape the matmul wants, otherwise they are scattered into it and gathered
 *       back out.</li>
 *   <li>multi-token appends (prompt chunks, forced text) follow, each as one block of rows with its own causal
 *       mask.</li>
 * </ul>
 * Logits are wanted only after each append's last token; {@link #lastRows()} lists those rows in the callers'
 * order, so the results come back in the order the appends were given.
 */
final class StepPlan {

    /** A multi-token append: rows {@code [row, row + count)} of the step. */
    record Chunk(int row, int count, int slot, int start) {
    }

    private final long[] tokens;
    private final long[] slots;
    private final long[] positions;
    private final int singles;
    private final int firstSlot;
    private final int span;
    private final int singleLength;
    private final long[] singleOffsets;
    private final List<Chunk> chunks;
    private final long[] lastRows;

    private StepPlan(List<Append> appends) {
        List<Integer> order = planOrder(appends);
        int rows = appends.stream().mapToInt(append -> append.tokens().length).sum();
        this.tokens = new long[rows];
        this.slots = new long[rows];
        this.positions = new long[rows];
        this.lastRows = new long[appends.size()];
        List<Chunk> chunkList = new ArrayList<>();
        int row = 0;
        int singleCount = 0;
        for (int index : order) {
            Append append = appends.get(index);
            int count = append.tokens().length;
            for (int i = 0; i < count; i++) {
                tokens[row + i] = append.tokens()[i];
                slots[row + i] = append.slot();
                positions[row + i] = append.start() + i;
            }
            if (count == 1) {
                singleCount++;
            } else {
                chunkList.add(new Chunk(row, count, append.slot(), append.start()));
            }
            lastRows[index] = row + count - 1;
            row += count;
        }
        this.singles = singleCount;
        this.chunks = List.copyOf(chunkList);
        this.firstSlot = singles == 0 ? 0 : (int) slots[0];
        this.span = singles == 0 ? 0 : (int) slots[singles - 1] - firstSlot + 1;
        this.singleOffsets = new long[singles];
        int longest = 0;
        for (int i = 0; i < singles; i++) {
            singleOffsets[i] = slots[i] - firstSlot;
            longest = Math.max(longest, (int) positions[i] + 1);
        }
        this.singleLength = longest;
    }

    /**
     * @throws IllegalArgumentException if {@code appends} is empty or names a slot twice (a slot's rows must see
     *                                  each other's keys, which only a single append's causal mask provides)
     */
    static StepPlan of(List<Append> appends) {
        if (appends.isEmpty()) {
            throw new IllegalArgumentException("appends must not be empty");
        }
        long distinct = appends.stream().mapToInt(Append::slot).distinct().count();
        if (distinct != appends.size()) {
            throw new IllegalArgumentException("each slot may appear once per step, slots were "
                    + appends.stream().map(append -> String.valueOf(append.slot())).toList());
        }
        return new StepPlan(appends);
    }

    /** Indices into the appends: single-token ones by slot, then the others in their given order. */
    private static List<Integer> planOrder(List<Append> appends) {
        List<Integer> singleIndices = new ArrayList<>();
        List<Integer> chunkIndices = new ArrayList<>();
        for (int i = 0; i < appends.size(); i++) {
            (appends.get(i).tokens().length == 1 ? singleIndices : chunkIndices).add(i);
        }
        singleIndices.sort(Comparator.comparingInt(i -> appends.get(i).slot()));
        List<Integer> order = new ArrayList<>(singleIndices);
        order.addAll(chunkIndices);
        return order;
    }

    int rows() {
        return tokens.length;
    }

    /** Each row's token id, as int64 for tensor indexing. */
    long[] tokens() {
        return tokens;
    }

    /** Each row's slot, as int64 for tensor indexing. */
    long[] slots() {
        return slots;
    }

    /** Each row's position within its slot, as int64 for tensor indexing. */
    long[] positions() {
        return positions;
    }

    int[] positionsAsInts() {
        return Arrays.stream(positions).mapToInt(position -> (int) position).toArray();
    }

    /** Single-token rows, which are rows {@code [0, singles)}. */
    int singles() {
        return singles;
    }

    /** The lowest slot among the single-token rows. */
    int firstSlot() {
        return firstSlot;
    }

    /** Slots from the lowest to the highest single-token row's, inclusive. */
    int span() {
        return span;
    }

    /** Whether the single-token rows are exactly slots {@code [firstSlot, firstSlot + span)}, in order. */
    boolean packed() {
        return singles == span;
    }

    /** Keys the single-token rows attend over: the longest of their lengths after this step. */
    int singleLength() {
        return singleLength;
    }

    /** Each single-token row's slot relative to {@link #firstSlot()}. */
    long[] singleOffsets() {
        return singleOffsets;
    }

    List<Chunk> chunks() {
        return chunks;
    }

    /** The row holding each append's last token, in the order the appends were given. */
    long[] lastRows() {
        return lastRows;
    }

    /** Whether {@link #lastRows()} is every row in order, so the logits need no gather. */
    boolean lastRowsAreAllRows() {
        if (lastRows.length != tokens.length) {
            return false;
        }
        for (int i = 0; i < lastRows.length; i++) {
            if (lastRows[i] != i) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the single-token rows need a mask at all: not when they are packed and equally long, so that no
     * padding or empty slot lies in the attended range (a lone sequence, or a batch that joined together).
     */
    boolean singlesNeedMask() {
        if (!packed()) {
            return true;
        }
        for (int i = 0; i < singles; i++) {
            if (positions[i] + 1 != singleLength) {
                return true;
            }
        }
        return false;
    }

    /**
     * Additive mask for the single-token rows, {@code [span, singleLength]}: 0 where slot {@code firstSlot + s}
     * may see position j (j < its length), -inf elsewhere. Slots in the span without a row this step (holes left
     * by departed sequences, or sequences prefilling a chunk) see position 0 only, so their softmax stays finite;
     * their outputs are discarded.
     */
    float[] singleMask() {
        float[] mask = new float[span * singleLength];
        Arrays.fill(mask, Float.NEGATIVE_INFINITY);
        for (int s = 0; s < span; s++) {
            mask[s * singleLength] = 0;
        }
        for (int i = 0; i < singles; i++) {
            int from = (int) singleOffsets[i] * singleLength;
            Arrays.fill(mask, from, from + (int) positions[i] + 1, 0);
        }
        return mask;
    }

    /** {@code [count, start + count]}: 0 where token i may see position j (j <= start + i), -inf after it. */
    static float[] causalMask(Chunk chunk) {
        int length = chunk.start() + chunk.count();
        float[] mask = new float[chunk.count() * length];
        for (int i = 0; i < chunk.count(); i++) {
            Arrays.fill(mask, i * length + chunk.start() + i + 1, (i + 1) * length, Float.NEGATIVE_INFINITY);
        }
        return mask;
    }
}
