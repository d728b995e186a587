package io.reasoner.engine.tokenizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds special tokens ({@code <|im_start|>}, {@code <think>}) in input text so each encodes as its single id
 * instead of being spelled out by BPE. Scans left to right and at each position takes the longest special token
 * that starts there (leftmost-longest, as Hugging Face's added-token matcher does), so {@code </think>} wins over
 * a hypothetical {@code </}. Immutable.
 */
final class SpecialTokenSplitter {

    /** A run of the input: either plain text to BPE-encode ({@code special == -1}) or one special token's id. */
    record Segment(String text, int special) {
    }

    /** Candidates by first char, longest first, so the first match at a position is the longest. */
    private final Map<Character, List<String>> byFirstChar = new HashMap<>();
    private final Map<String, Integer> ids;

    SpecialTokenSplitter(Map<String, Integer> specialTokens) {
        this.ids = Map.copyOf(specialTokens);
        for (String token : ids.keySet()) {
            if (token.isEmpty()) {
                throw new IllegalArgumentException("special tokens must not be empty (id " + ids.get(token) + ")");
            }
            byFirstChar.computeIfAbsent(token.charAt(0), c -> new ArrayList<>()).add(token);
        }
        byFirstChar.values().forEach(list -> list.sort(Comparator.comparingInt(String::length).reversed()));
    }

    List<Segment> split(String text) {
        List<Segment> segments = new ArrayList<>();
        int plainStart = 0;
        int i = 0;
        while (i < text.length()) {
            String match = longestAt(text, i);
            if (match == null) {
                i++;
                continue;
            }
            if (i > plainStart) {
                segments.add(new Segment(text.substring(plainStart, i), -1));
            }
            segments.add(new Segment(match, ids.get(match)));
            i += match.length();
            plainStart = i;
        }
        if (plainStart < text.length()) {
            segments.add(new Segment(text.substring(plainStart), -1));
        }
        return segments;
    }

    private String longestAt(String text, int at) {
        List<String> candidates = byFirstChar.get(text.charAt(at));
        if (candidates != null) {
            for (String candidate : candidates) {
                if (text.startsWith(candidate, at)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
