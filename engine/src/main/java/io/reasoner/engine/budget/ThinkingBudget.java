package io.reasoner.engine.budget;

import java.util.Objects;

/**
 * How much a request may think, and how to force it, all in tokens.
 *
 * @param maxThinkingTokens  the cap: when thinking reaches it, the forcer ends thinking and forces the answer; 0
 *                           forces the answer at once. In [0, 32768]
 * @param minThinkingTokens  thinking may not end before this many tokens; in [0, maxThinkingTokens]
 * @param extensions         thinking may not end before the forcer has suppressed this many attempts to end it
 *                           (each suppression appends {@code extensionText}); in [0, 64]. The cap wins over both
 *                           this and {@code minThinkingTokens}
 * @param extensionText      appended when an attempt to end thinking is suppressed, verbatim (s1 uses "Wait"; no
 *                           space is added); not empty
 * @param forcedAnswerPrefix fed after the end-of-thinking delimiter when the cap fires, so the model answers instead
 *                           of reasoning on; may be empty
 * @param maxAnswerTokens    the most tokens the model may generate in its answer (the forced prefix not counted);
 *                           in [1, 32768]
 */
public record ThinkingBudget(int maxThinkingTokens, int minThinkingTokens, int extensions, String extensionText,
                             String forcedAnswerPrefix, int maxAnswerTokens) {

    public static final int MAX_TOKENS = 32768;
    public static final int MAX_EXTENSIONS = 64;
    public static final String DEFAULT_EXTENSION_TEXT = "Wait";
    public static final String DEFAULT_FORCED_ANSWER_PREFIX = "Final Answer:";
    public static final int DEFAULT_MAX_ANSWER_TOKENS = 1024;

    public ThinkingBudget {
        checkRange("maxThinkingTokens", maxThinkingTokens, 0, MAX_TOKENS);
        checkRange("minThinkingTokens", minThinkingTokens, 0, maxThinkingTokens);
        checkRange("extensions", extensions, 0, MAX_EXTENSIONS);
        Objects.requireNonNull(extensionText, "extensionText");
        if (extensionText.isEmpty()) {
            // An empty extension would suppress the ending token and feed nothing, so a greedy model would try to
            // end again at once, forever.
            throw new IllegalArgumentException("extensionText must not be empty");
        }
        Objects.requireNonNull(forcedAnswerPrefix, "forcedAnswerPrefix");
        checkRange("maxAnswerTokens", maxAnswerTokens, 1, MAX_TOKENS);
    }

    /** Up to {@code maxThinkingTokens} of thinking, no minimum, no extensions, s1's texts, default answer limit. */
    public static ThinkingBudget ofMax(int maxThinkingTokens) {
        return new ThinkingBudget(maxThinkingTokens, 0, 0, DEFAULT_EXTENSION_TEXT, DEFAULT_FORCED_ANSWER_PREFIX,
                DEFAULT_MAX_ANSWER_TOKENS);
    }

    public ThinkingBudget withMaxThinkingTokens(int max) {
        return new ThinkingBudget(max, minThinkingTokens, extensions, extensionText, forcedAnswerPrefix,
                maxAnswerTokens);
    }

    public ThinkingBudget withMinThinkingTokens(int min) {
        return new ThinkingBudget(maxThinkingTokens, min, extensions, extensionText, forcedAnswerPrefix,
                maxAnswerTokens);
    }

    public ThinkingBudget withExtensions(int count) {
        return new ThinkingBudget(maxThinkingTokens, minThinkingTokens, count, extensionText, forcedAnswerPrefix,
                maxAnswerTokens);
    }

    public ThinkingBudget withExtensionText(String text) {
        return new ThinkingBudget(maxThinkingTokens, minThinkingTokens, extensions, text, forcedAnswerPrefix,
                maxAnswerTokens);
    }

    public ThinkingBudget withForcedAnswerPrefix(String prefix) {
        return new ThinkingBudget(maxThinkingTokens, minThinkingTokens, extensions, extensionText, prefix,
                maxAnswerTokens);
    }

    public ThinkingBudget withMaxAnswerTokens(int max) {
        return new ThinkingBudget(maxThinkingTokens, minThinkingTokens, extensions, extensionText,
                forcedAnswerPrefix, max);
    }

    static void checkRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], was " + value);
        }
    }
}
