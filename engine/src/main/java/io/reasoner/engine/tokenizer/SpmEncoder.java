package io.reasoner.engine.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.PriorityQueue;

/**
 * llama.cpp's SentencePiece ("SPM") encoding: start from single characters and greedily merge the adjacent pair
 * whose concatenation is in the vocabulary with the highest score, until no pair merges. Characters that never
 * become a vocabulary token fall back to their UTF-8 bytes as {@code <0xXX>} tokens.
 *
 * <p>Symbols form a doubly linked list over the text; a merge grows the left symbol and empties the right one.
 * Queued pairs whose symbols changed since they were queued are recognised by their length and skipped, which is
 * cheaper than removing them from the queue.
 */
final class SpmEncoder {

    /** SentencePiece's visible space, U+2581 LOWER ONE EIGHTH BLOCK. */
    static final char SPACE_MARK = '\u2581';

    private final Vocabulary vocabulary;

    SpmEncoder(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** A queued candidate merge of symbols {@code left} and {@code right}, which together span {@code length} chars. */
    private record Pair(int left, int right, float score, int length) {
    }

    int[] encode(String rawText) {
        if (rawText.isEmpty()) {
            return new int[0];
        }
        String text = (vocabulary.addSpacePrefix() ? " " + rawText : rawText).replace(' ', SPACE_MARK);
        Symbols symbols = Symbols.ofCodePoints(text);

        // Higher score first; on equal scores the leftmost pair, so merging is deterministic.
        PriorityQueue<Pair> queue = new PriorityQueue<>((a, b) -> a.score != b.score
                ? Float.compare(b.score, a.score) : Integer.compare(a.left, b.left));
        for (int i = 1; i < symbols.count(); i++) {
            offer(queue, symbols, text, i - 1, i);
        }
        while (!queue.isEmpty()) {
            Pair pair = queue.poll();
            if (symbols.length[pair.left] + symbols.length[pair.right] != pair.length
                    || symbols.length[pair.left] == 0 || symbols.length[pair.right] == 0) {
                continue; // stale: one side was merged into something else after this pair was queued
            }
            symbols.merge(pair.left, pair.right);
            offer(queue, symbols, text, symbols.prev[pair.left], pair.left);
            offer(queue, symbols, text, pair.left, symbols.next[pair.left]);
        }
        return emit(symbols, text);
    }

    private void offer(PriorityQueue<Pair> queue, Symbols symbols, String text, int left, int right) {
        if (left < 0 || right < 0) {
            return;
        }
        int start = symbols.start[left];
        int length = symbols.length[left] + symbols.length[right];
        OptionalInt id = vocabulary.find(text.substring(start, start + length));
        if (id.isPresent()) {
            queue.add(new Pair(left, right, vocabulary.score(id.getAsInt()), length));
        }
    }

    private int[] emit(Symbols symbols, String text) {
        int[] out = new int[text.length() * 4]; // worst case: every char falls back to 4 UTF-8 byte tokens
        int n = 0;
        for (int i = 0; i >= 0; i = symbols.next[i]) {
            String piece = text.substring(symbols.start[i], symbols.start[i] + symbols.length[i]);
            OptionalInt id = vocabulary.find(piece);
            if (id.isPresent()) {
                out[n++] = id.getAsInt();
                continue;
            }
            for (byte b : piece.getBytes(StandardCharsets.UTF_8)) {
                out[n++] = byteToken(b);
            }
        }
        return Arrays.copyOf(out, n);
    }

    private int byteToken(byte b) {
        OptionalInt id = vocabulary.find(String.format("<0x%02X>", b & 0xFF));
        if (id.isPresent()) {
            return id.getAsInt();
        }
        if (vocabulary.unknown() < 0) {
            throw new IllegalArgumentException(String.format(
                    "byte 0x%02X has no <0x%02X> token and the vocabulary has no unknown token", b & 0xFF, b & 0xFF));
        }
        return vocabulary.unknown();
    }

    /** The linked list of symbols: symbol i spans chars [start[i], start[i] + length[i]) of the text. */
    private static final class Symbols {
        final int[] start;
        final int[] length;
        final int[] prev;
        final int[] next;

        private Symbols(int count) {
            start = new int[count];
            length = new int[count];
            prev = new int[count];
            next = new int[count];
        }

        /** One symbol per code point, so a surrogate pair is never split. */
        static Symbols ofCodePoints(String text) {
            int count = text.codePointCount(0, text.length());
            Symbols symbols = new Symbols(count);
            int offset = 0;
            for (int i = 0; i < count; i++) {
                int chars = Character.charCount(text.codePointAt(offset));
                symbols.start[i] = offset;
                symbols.length[i] = chars;
                symbols.prev[i] = i - 1;
                symbols.next[i] = i + 1 < count ? i + 1 : -1;
                offset += chars;
            }
            return symbols;
        }

        int count() {
            return start.length;
        }

        void merge(int left, int right) {
            length[left] += length[right];
            length[right] = 0;
            next[left] = next[right];
            if (next[right] >= 0) {
                prev[next[right]] = left;
            }
        }
    }
}
