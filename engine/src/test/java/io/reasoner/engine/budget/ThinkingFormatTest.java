package io.reasoner.engine.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reasoner.engine.tokenizer.BpeTokenizer;
import io.reasoner.engine.tokenizer.HuggingFaceTokenizers;
import io.reasoner.engine.tokenizer.TestTokenizers;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Presets resolved against the real Qwen3 tokenizer, whose markup is made of special single tokens. */
class ThinkingFormatTest {

    private static final int ENDOFTEXT = 151643;
    private static final int IM_START = 151644;
    private static final int IM_END = 151645;
    private static final int THINK_OPEN = 151667;
    private static final int THINK_CLOSE = 151668;

    private static BpeTokenizer qwen3;

    @BeforeAll
    static void loadTokenizer() {
        qwen3 = HuggingFaceTokenizers.bpeFromFolder(TestTokenizers.qwen3Folder());
    }

    @Test
    void thinkTags_onQwen3_matchesTheEndByItsSingleToken() {
        ThinkingFormat format = ThinkingFormat.thinkTags(qwen3);

        assertThat(format.opening().tokens()).containsExactly(THINK_OPEN, qwen3.encode("\n", false)[0]);
        assertThat(format.end().tokens()).containsExactly(THINK_CLOSE);
        assertThat(format.answerSeparator().text()).isEqualTo("\n\n");
        assertThat(format.endOfTurn()).containsExactlyInAnyOrder(IM_END, ENDOFTEXT).contains(qwen3.eosToken());
        assertThat(format.detectsEndByText()).isFalse();
        assertThat(format.endsThinking(THINK_CLOSE)).isTrue();
        assertThat(format.endsThinking(IM_END)).isTrue();
    }

    @Test
    void s1_onQwen3_letsItsImStartStopTokenStandForTheMultiTokenEnd() {
        ThinkingFormat format = ThinkingFormat.s1(qwen3);

        assertThat(format.opening().tokens()).hasSize(2).startsWith(IM_START);
        assertThat(format.end().tokens()).hasSize(2).startsWith(IM_START);
        assertThat(format.endOfTurn()).contains(IM_START, IM_END);
        // "<|im_start|>answer" is two tokens, but its first already ends thinking: no text matching needed.
        assertThat(format.detectsEndByText()).isFalse();
        assertThat(format.endsThinking(IM_START)).isTrue();
    }

    @Test
    void withoutOpening_leavesTheOpeningToTheChatTemplate() {
        ThinkingFormat format = ThinkingFormat.thinkTags(qwen3).withoutOpening();

        assertThat(format.opening()).isEqualTo(Delimiter.NONE);
        assertThat(format.end().tokens()).containsExactly(THINK_CLOSE);
    }

    @Test
    void multiTokenEndWithoutAnEndOfTurnStart_isMatchedByText() {
        assertThat(Fixtures.TEXT_END.end().length()).isEqualTo(4);
        assertThat(Fixtures.TEXT_END.detectsEndByText()).isTrue();
        assertThat(Fixtures.TAGS.detectsEndByText()).isFalse();
    }

    @Test
    void endOfTurnTextThatIsNotOneToken_isRefused() {
        assertThatThrownBy(() -> ThinkingFormat.of(Fixtures.TOKENIZER, "bad", "", "</think>", "",
                List.of("</end>")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("end-of-turn text '</end>' must be a single token, was 4 tokens [17, 18, 19, 20]");
    }

    @Test
    void emptyEnd_isRefused() {
        assertThatThrownBy(() -> ThinkingFormat.plain(Fixtures.TOKENIZER, ""))
                .hasMessage("end delimiter must not be empty");
    }
}
