package io.reasoner.engine.tokenizer;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Byte-level BPE on one pre-tokenized piece: start from one token per byte and repeatedly merge the adjacent pair
 * with the best (lowest) merge rank, the leftmost such pair on ties, until no adjacent pair has a merge rule. This
 * is the order Hugging Face's BPE model and llama.cpp use; the result is the same as GPT-2's "merge every
 * occurrence of the best bigram" loop.
 *
 * <p>Merge rules are indexed by the ids of their two sides, so the loop works on ints. Symbols form a linked list
 * over the piece's bytes; a merge grows the left symbol and unlinks the right. Queued pairs that went stale (one
 * side merged into something else since) are recognised by comparing ids and adjacency, and skipped.
 */
final class BpeMerger {

    /** Rank and resulting token of one merge rule. */
    private record Merge(int rank, int result) {
    }

    private record Pair(int left, int right, int leftId, int rightId, int rank, int result) {
    }

    private final Map<Long, Merge> merges;
    private final int[] byteTokens = new int[256];

    /**
     * @throws IllegalArgumentException if a merge rule is malformed or names a token the vocabulary lacks (as
     *                                  Hugging Face tokenizers also refuses)
     */
    BpeMerger(List<String> rules, Map<String, Integer> ids) {
        merges = new HashMap<>(rules.size() * 2);
        for (int rank = 0; rank < rules.size(); rank++) {
            String rule = rules.get(rank);
            int space = rule.indexOf(' '); // byte-level tokens spell a space as Ġ, so a literal one separates
            if (space < 0 || rule.indexOf(' ', space + 1) >= 0) {
                throw new IllegalArgumentException("merge " + rank + " must be two tokens 'left right', was '"
                        + rule + "'");
            }
            String left = rule.substring(0, space);
            String right = rule.substring(space + 1);
            int result = require(ids, left + right, rank, rule);
            merges.putIfAbsent(key(require(ids, left, rank, rule), require(ids, right, rank, rule)),
                    new Merge(rank, result));
        }
        for (int b = 0; b < 256; b++) {
            byteTokens[b] = ids.getOrDefault(String.valueOf(ByteLevel.charOf(b)), -1);
        }
    }

    private static int require(Map<String, Integer> ids, String token, int rank, String rule) {
        Integer id = ids.get(token);
        if (id == null) {
            throw new IllegalArgumentException("merge " + rank + " '" + rule + "' needs token '" + token
                    + "', which is not in the vocabulary");
        }
        return id;
    }

    private static long key(int left, int right) {
        return ((long) left << 32) | (right & 0xFFFFFFFFL);
    }

    /**
     * The tokens of one piece given as UTF-8 bytes.
     *
     * @throws IllegalStateException if a byte has no single-byte token (the vocabulary is not byte-complete)
     */
    int[] encode(byte[] bytes) {
        int n = bytes.length;
        int[] id = new int[n];
        int[] prev = new int[n];
        int[] next = new int[n];
        for (int i = 0; i < n; i++) {
            id[i] = byteTokens[bytes[i] & 0xFF];
            if (id[i] < 0) {
                throw new IllegalStateException(String.format(
                        "byte 0x%02X has no byte-level token in the vocabulary", bytes[i] & 0xFF));
            }
            prev[i] = i - 1;
            next[i] = i + 1 < n ? i + 1 : -1;
        }
        PriorityQueue<Pair> queue = new PriorityQueue<>((a, b) -> a.rank != b.rank
                ? Integer.compare(a.rank, b.rank) : Integer.compare(a.left, b.left));
        for (int i = 0; i + 1 < n; i++) {
            offer(queue, id, i, i + 1);
        }
        while (!queue.isEmpty()) {
            Pair pair = queue.poll();
            if (id[pair.left] != pair.leftId || next[pair.left] != pair.right || id[pair.right] != pair.rightId) {
                continue; // stale: a side was merged away or into something else after this pair was queued
            }
            id[pair.left] = pair.result;
            id[pair.right] = -1;
            next[pair.left] = next[pair.right];
            if (next[pair.left] >= 0) {
                prev[next[pair.left]] = pair.left;
            }
            if (prev[pair.left] >= 0) {
                offer(queue, id, prev[pair.left], pair.left);
            }
            if (next[pair.left] >= 0) {
                offer(queue, id, pair.left, next[pair.left]);
            }
        }
        int[] out = new int[n];
        int count = 0;
        for (int i = 0; i >= 0 && n > 0; i = next[i]) {
            out[count++] = id[i];
        }
        return Arrays.copyOf(out, count);
    }

    private void offer(PriorityQueue<Pair> queue, int[] id, int left, int right) {
        Merge merge = merges.get(key(id[left], id[right]));
        if (merge != null) {
            queue.add(new Pair(left, right, id[left], id[right], merge.rank, merge.result));
        }
    }
}
