package io.reasoner.s1mini.vocab;

import io.reasoner.engine.tokenizer.BpePreTokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Learns byte-level BPE merges from a corpus, the classic way: split the text into pre-tokens with the same
 * regex the tokenizer will use (Qwen2's, which keeps every digit a token of its own, so numbers stay readable
 * digit by digit), spell each in the byte alphabet, then repeatedly merge the most frequent adjacent pair.
 * Ties go to the pair that sorts first, so the merges are a pure function of the corpus.
 */
final class BpeTrainer {

    private BpeTrainer() {
    }

    /** Up to {@code count} merges, {@code "left right"} in rank order, as {@code tokenizer.ggml.merges} holds them. */
    static List<String> learn(Iterable<String> texts, int count) {
        Map<String, Integer> frequencies = new HashMap<>();
        for (String text : texts) {
            for (String piece : BpePreTokenizer.QWEN2.split(text)) {
                frequencies.merge(ByteAlphabet.spell(piece), 1, Integer::sum);
            }
        }
        List<List<String>> words = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        frequencies.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            List<String> symbols = new ArrayList<>();
            entry.getKey().codePoints().forEach(cp -> symbols.add(new String(Character.toChars(cp))));
            words.add(symbols);
            counts.add(entry.getValue());
        });
        List<String> merges = new ArrayList<>(count);
        while (merges.size() < count) {
            String best = bestPair(words, counts);
            if (best == null) {
                break;
            }
            merges.add(best);
            String[] pair = best.split(" ");
            for (List<String> word : words) {
                apply(word, pair[0], pair[1]);
            }
        }
        return merges;
    }

    private static String bestPair(List<List<String>> words, List<Integer> counts) {
        Map<String, Integer> pairs = new HashMap<>();
        for (int w = 0; w < words.size(); w++) {
            List<String> word = words.get(w);
            for (int i = 0; i + 1 < word.size(); i++) {
                pairs.merge(word.get(i) + " " + word.get(i + 1), counts.get(w), Integer::sum);
            }
        }
        String best = null;
        int bestCount = 1; // a pair seen once is not worth a token
        for (Map.Entry<String, Integer> pair : pairs.entrySet()) {
            int c = pair.getValue();
            if (c > bestCount || (c == bestCount && best != null && pair.getKey().compareTo(best) < 0)) {
                best = pair.getKey();
                bestCount = c;
            }
        }
        return best;
    }

    private static void apply(List<String> word, String left, String right) {
        for (int i = 0; i + 1 < word.size(); i++) {
            if (word.get(i).equals(left) && word.get(i + 1).equals(right)) {
                word.set(i, left + right);
                word.remove(i + 1);
            }
        }
    }
}
