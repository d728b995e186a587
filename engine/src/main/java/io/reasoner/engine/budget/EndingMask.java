package io.reasoner.engine.budget;

import java.util.Arrays;

/**
 * The forcer's own logits processor. While thinking may neither end nor take an extension (below the minimum,
 * too close to the cap), it forbids the tokens that would end thinking, so the model continues in its own words;
 * s1 instead lets the model stop and resamples, which for greedy decoding picks the same token this does.
 *
 * <p>It also forbids tokens banned at one position: the first token of a multi-token end delimiter that was
 * rolled back under the same constraint, so resampling there does not take the same path again.
 */
final class EndingMask implements LogitsProcessor {

    private final int[] endingTokens;
    private final int extensionLength;
    private int bannedPosition = -1;
    private int[] banned = new int[0];

    EndingMask(ThinkingFormat format, int extensionLength) {
        int single = format.end().singleToken();
        int[] turnEnds = format.endOfTurn();
        this.endingTokens = single < 0 ? turnEnds : append(turnEnds, single);
        this.extensionLength = extensionLength;
    }

    /** Forbids {@code token} the next times a token is sampled at {@code position}; bans elsewhere lapse. */
    void ban(int position, int token) {
        if (position != bannedPosition) {
            bannedPosition = position;
            banned = new int[0];
        }
        banned = append(banned, token);
    }

    /** Whether a ban applies to the token sampled at {@code position}. */
    boolean bansAt(int position) {
        return position == bannedPosition && banned.length > 0;
    }

    @Override
    public void process(float[] logits, DecodingState state) {
        if (state.phase() != Phase.THINKING) {
            return;
        }
        if (ThinkingRules.mustHoldOpen(state.budget(), state.thinkingTokens(), state.extensionsUsed(),
                extensionLength)) {
            forbid(logits, endingTokens);
        }
        if (state.position() == bannedPosition) {
            forbid(logits, banned);
        }
    }

    private static void forbid(float[] logits, int[] tokens) {
        for (int token : tokens) {
            logits[token] = Float.NEGATIVE_INFINITY;
        }
    }

    private static int[] append(int[] tokens, int token) {
        int[] longer = Arrays.copyOf(tokens, tokens.length + 1);
        longer[tokens.length] = token;
        return longer;
    }
}
