package io.reasoner.engine.budget;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds a multi-token end delimiter in the thinking text as it streams, holding back whole tokens whose text could
 * be the start of it, so that a listener never sees part of a delimiter and a found delimiter can be taken back
 * token by token.
 *
 * <p>Holding whole tokens (a token {@code "o</"} is held with its {@code "o"}) keeps the streamed text and the
 * counted tokens in step: what is rolled back was never shown. Every occurrence of the delimiter must start in the
 * held text or in the newest token, because the held tokens always cover the longest suffix of the text that is a
 * prefix of the delimiter.
 */
final class DelimiterMatcher {

    /** A token held back: its position in the sequence and the text it decoded to (possibly empty). */
    record Held(int token, int position, String text) {
    }

    /** What offering a token led to. */
    sealed interface Outcome permits Released, Found {
    }

    /** Tokens now known not to start the delimiter, oldest first, and their text; both may be empty. */
    record Released(int tokens, String text) implements Outcome {
    }

    /**
     * The delimiter is complete.
     *
     * @param tokens every token that holds a character of it (the held ones, then the newest)
     * @param before text of those tokens before the delimiter
     * @param after  text of those tokens after it
     */
    record Found(List<Held> tokens, String before, String after) implements Outcome {

        int firstPosition() {
            return tokens.get(0).position();
        }

        int firstToken() {
            return tokens.get(0).token();
        }
    }

    private final String delimiter;
    private final List<Held> held = new ArrayList<>();

    DelimiterMatcher(String delimiter) {
        if (delimiter.isEmpty()) {
            throw new IllegalArgumentException("delimiter must not be empty");
        }
        this.delimiter = delimiter;
    }

    Outcome offer(int token, int position, String text) {
        held.add(new Held(token, position, text));
        String candidate = heldText();
        int start = candidate.indexOf(delimiter);
        if (start >= 0) {
            Found found = new Found(List.copyOf(held), candidate.substring(0, start),
                    candidate.substring(start + delimiter.length()));
            held.clear();
            return found;
        }
        return release(held.size() - tokensCovering(longestPrefixSuffix(candidate)));
    }

    /** Lets every held token through: thinking is ending for another reason, so none of them is a delimiter. */
    Released releaseAll() {
        return release(held.size());
    }

    int heldCount() {
        return held.size();
    }

    private Released release(int count) {
        StringBuilder text = new StringBuilder();
        for (Held token : held.subList(0, count)) {
            text.append(token.text());
        }
        held.subList(0, count).clear();
        return new Released(count, text.toString());
    }

    private String heldText() {
        StringBuilder text = new StringBuilder();
        for (Held token : held) {
            text.append(token.text());
        }
        return text.toString();
    }

    /** The length of the longest suffix of {@code text} that is a proper prefix of the delimiter. */
    private int longestPrefixSuffix(String text) {
        for (int length = Math.min(text.length(), delimiter.length() - 1); length > 0; length--) {
            if (text.regionMatches(text.length() - length, delimiter, 0, length)) {
                return length;
            }
        }
        return 0;
    }

    /** How many of the newest held tokens it takes to cover the last {@code chars} characters of the held text. */
    private int tokensCovering(int chars) {
        if (chars == 0) {
            return 0;
        }
        int covered = 0;
        int count = 0;
        for (int i = held.size() - 1; i >= 0 && covered < chars; i--) {
            covered += held.get(i).text().length();
            count++;
        }
        return count;
    }
}
