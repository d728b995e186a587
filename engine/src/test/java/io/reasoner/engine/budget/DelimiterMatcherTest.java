package io.reasoner.engine.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DelimiterMatcherTest {

    private final DelimiterMatcher matcher = new DelimiterMatcher("</think>");

    @Test
    void textThatCannotStartTheDelimiter_passesStraightThrough() {
        assertThat(matcher.offer(1, 10, " so")).isEqualTo(new DelimiterMatcher.Released(1, " so"));
        assertThat(matcher.heldCount()).isZero();
    }

    @Test
    void possibleStart_isHeldAsWholeTokens_untilItDiverges() {
        assertThat(matcher.offer(1, 10, "x</")).isEqualTo(new DelimiterMatcher.Released(0, ""));
        assertThat(matcher.offer(2, 11, "th")).isEqualTo(new DelimiterMatcher.Released(0, ""));
        assertThat(matcher.heldCount()).isEqualTo(2);

        assertThat(matcher.offer(3, 12, "ought")).isEqualTo(new DelimiterMatcher.Released(3, "x</thought"));
    }

    @Test
    void divergingTextThatStartsTheDelimiterAgain_keepsOnlyTheNewStartHeld() {
        matcher.offer(1, 10, "</");
        DelimiterMatcher.Outcome outcome = matcher.offer(2, 11, "x <");

        assertThat(outcome).isEqualTo(new DelimiterMatcher.Released(1, "</"));
        assertThat(matcher.heldCount()).isEqualTo(1);
    }

    @Test
    void completedDelimiter_isFound_withItsTokensAndTheTextAroundIt() {
        matcher.offer(1, 10, "a <");
        matcher.offer(2, 11, "/think");
        DelimiterMatcher.Outcome outcome = matcher.offer(3, 12, ">\n\n");

        assertThat(outcome).isEqualTo(new DelimiterMatcher.Found(List.of(new DelimiterMatcher.Held(1, 10, "a <"),
                new DelimiterMatcher.Held(2, 11, "/think"), new DelimiterMatcher.Held(3, 12, ">\n\n")),
                "a ", "\n\n"));
        assertThat(matcher.heldCount()).isZero();
    }

    @Test
    void tokensWithoutTextYet_stayHeldBehindAPossibleStart() {
        matcher.offer(1, 10, "<");
        matcher.offer(2, 11, ""); // the first byte of a character still being completed

        assertThat(matcher.heldCount()).isEqualTo(2);
        assertThat(matcher.releaseAll()).isEqualTo(new DelimiterMatcher.Released(2, "<"));
    }
}
