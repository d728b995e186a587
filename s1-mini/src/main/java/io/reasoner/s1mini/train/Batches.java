package io.reasoner.s1mini.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Endless seeded batches over a set of examples: each epoch a fresh shuffle, cut into batches, so every example
 * is seen once per epoch. A batch is padded to its longest sequence; padded positions carry no loss.
 */
final class Batches {

    /**
     * Rows of a batch as the forward wants them.
     *
     * @param inputs  {@code batch * length} token ids, one sequence after another
     * @param targets the token each input position should predict
     * @param weights 1 where the loss counts, 0 for padding, unlearned prompt positions and skipped slips
     */
    record Batch(long[] inputs, long[] targets, float[] weights, int size, int length) {

        int lossTokens() {
            int n = 0;
            for (float w : weights) {
                n += w > 0 ? 1 : 0;
            }
            return n;
        }
    }

    /** Batches per window sorted by length: enough to find similar lengths, few enough to keep order random. */
    static final int WINDOW_BATCHES = 16;

    private final List<TrainingExample> examples;
    private final int batchSize;
    private final int padToken;
    private final RandomGenerator random;
    private final List<Integer> order = new ArrayList<>();
    private int next;

    Batches(List<TrainingExample> examples, int batchSize, int padToken, RandomGenerator random) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("examples must not be empty");
        }
        this.examples = List.copyOf(examples);
        this.batchSize = Math.min(batchSize, examples.size());
        this.padToken = padToken;
        this.random = random;
    }

    Batch next() {
        List<TrainingExample> chosen = new ArrayList<>(batchSize);
        while (chosen.size() < batchSize) {
            if (next == order.size()) {
                reshuffle();
            }
            chosen.add(examples.get(order.get(next++)));
        }
        int length = chosen.stream().mapToInt(TrainingExample::length).max().orElseThrow() - 1;
        long[] inputs = new long[batchSize * length];
        long[] targets = new long[batchSize * length];
        float[] weights = new float[batchSize * length];
        for (int b = 0; b < batchSize; b++) {
            TrainingExample example = chosen.get(b);
            for (int t = 0; t < length; t++) {
                int row = b * length + t;
                boolean inside = t + 1 < example.length();
                inputs[row] = t < example.length() ? example.token(t) : padToken;
                targets[row] = inside ? example.token(t + 1) : padToken;
                weights[row] = inside && example.learned(t + 1) ? 1 : 0;
            }
        }
        return new Batch(inputs, targets, weights, batchSize, length);
    }

    /**
     * A new epoch's order: shuffled, then within windows of {@link #WINDOW_BATCHES} batches sorted by length and
     * cut into batches whose order is shuffled again. Batches then hold sequences of similar length, so little of
     * a step is spent on padding (traces here range from 30 to 300 tokens), while which examples share a window,
     * and the order of batches, stay random.
     */
    private void reshuffle() {
        List<Integer> shuffled = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            shuffled.add(i);
        }
        shuffle(shuffled);
        List<List<Integer>> cut = new ArrayList<>();
        int window = WINDOW_BATCHES * batchSize;
        for (int from = 0; from < shuffled.size(); from += window) {
            List<Integer> part = new ArrayList<>(shuffled.subList(from, Math.min(shuffled.size(), from + window)));
            part.sort(Comparator.comparingInt(i -> examples.get(i).length()));
            for (int b = 0; b < part.size(); b += batchSize) {
                cut.add(part.subList(b, Math.min(part.size(), b + batchSize)));
            }
        }
        shuffle(cut);
        order.clear();
        cut.forEach(order::addAll);
        next = 0;
    }

    private <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }
}
