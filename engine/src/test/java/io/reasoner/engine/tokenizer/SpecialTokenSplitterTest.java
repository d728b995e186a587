package io.reasoner.engine.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.reasoner.engine.tokenizer.SpecialTokenSplitter.Segment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecialTokenSplitterTest {

    private final SpecialTokenSplitter splitter = new SpecialTokenSplitter(
            Map.of("<|im_start|>", 10, "<|im_end|>", 11, "<think>", 12, "<th", 13));

    @Test
    void specialTokens_becomeTheirOwnSegments_betweenPlainText() {
        assertThat(splitter.split("<|im_start|>user\nHi<|im_end|>")).containsExactly(
                new Segment("<|im_start|>", 10), new Segment("user\nHi", -1), new Segment("<|im_end|>", 11));
    }

    @Test
    void longestTokenAtAPosition_wins() {
        assertThat(splitter.split("<think><thx")).containsExactly(
                new Segment("<think>", 12), new Segment("<th", 13), new Segment("x", -1));
    }

    @Test
    void textWithoutSpecialTokens_isOneSegment() {
        assertThat(splitter.split("a < b <| c")).containsExactly(new Segment("a < b <| c", -1));
        assertThat(splitter.split("")).isEmpty();
    }
}
