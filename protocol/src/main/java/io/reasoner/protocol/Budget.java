package io.reasoner.protocol;

/**
 * The s1 budget-forcing settings of one request, in tokens of the serving model.
 *
 * @param maxThinkingTokens  cap on thinking; when reached, thinking is ended and the answer forced
 * @param minThinkingTokens  thinking may not end before this many tokens (an attempt to end is suppressed)
 * @param extensions         how many times an attempt to end thinking is suppressed and {@code extensionText}
 *                           appended, even past {@code minThinkingTokens}
 * @param extensionText      text appended when an end of thinking is suppressed (s1 uses "Wait")
 * @param forcedAnswerPrefix text appended after the end-of-thinking delimiter when the cap forces the answer
 * @param maxAnswerTokens    cap on the answer
 */
public record Budget(
        int maxThinkingTokens,
        int minThinkingTokens,
        int extensions,
        String extensionText,
        String forcedAnswerPrefix,
        int maxAnswerTokens) {

    public static final int MAX_TOKENS = 32_768;
    public static final int MAX_EXTENSIONS = 64;
    public static final int MAX_TEXT_LENGTH = 256;
    public static final String DEFAULT_EXTENSION_TEXT = "Wait";
    public static final String DEFAULT_FORCED_ANSWER_PREFIX = "Final Answer:";

    public Budget {
        Checks.inRange("maxThinkingTokens", maxThinkingTokens, 0, MAX_TOKENS);
        Checks.inRange("minThinkingTokens", minThinkingTokens, 0, maxThinkingTokens);
        Checks.inRange("extensions", extensions, 0, MAX_EXTENSIONS);
        Checks.inRange("maxAnswerTokens", maxAnswerTokens, 1, MAX_TOKENS);
        extensionText = extensionText == null ? DEFAULT_EXTENSION_TEXT : extensionText;
        forcedAnswerPrefix = forcedAnswerPrefix == null ? DEFAULT_FORCED_ANSWER_PREFIX : forcedAnswerPrefix;
        Checks.maxLength("extensionText", extensionText, MAX_TEXT_LENGTH);
        if (extensionText.isEmpty()) {
            // Appending nothing would suppress the end of thinking without ever moving it forward.
            throw new IllegalArgumentException("extensionText must not be empty");
        }
        Checks.maxLength("forcedAnswerPrefix", forcedAnswerPrefix, MAX_TEXT_LENGTH);
    }

    /** A budget with only the two caps set and s1's defaults for the rest. */
    public static Budget of(int maxThinkingTokens, int maxAnswerTokens) {
        return new Budget(maxThinkingTokens, 0, 0, null, null, maxAnswerTokens);
    }

    public int maxTotalTokens() {
        return maxThinkingTokens + maxAnswerTokens;
    }
}
