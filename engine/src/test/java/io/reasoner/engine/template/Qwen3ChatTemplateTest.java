package io.reasoner.engine.template;

import static io.reasoner.engine.template.ChatMessage.assistant;
import static io.reasoner.engine.template.ChatMessage.system;
import static io.reasoner.engine.template.ChatMessage.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.reasoner.engine.tokenizer.TestTokenizers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Qwen3's own template from its {@code tokenizer_config.json}. The expected strings were worked out by reading
 * the template: every tag and expression trims the whitespace before it ({@code {%-}, {@code {{-}), so only the
 * string literals reach the output.
 */
class Qwen3ChatTemplateTest {

    private static final ChatTemplate QWEN3 = ChatTemplates.fromHuggingFaceFolder(TestTokenizers.qwen3Folder());

    @Test
    void userMessage_withThinking_endsWithTheAssistantHeader() {
        String prompt = QWEN3.render(List.of(user("What is 2+2?")), true, Map.of("enable_thinking", true));

        assertThat(prompt).isEqualTo("<|im_start|>user\nWhat is 2+2?<|im_end|>\n<|im_start|>assistant\n");
    }

    @Test
    void thinkingUnset_behavesAsEnabled() {
        assertThat(QWEN3.render(List.of(user("Hi")), true))
                .isEqualTo("<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n");
    }

    @Test
    void thinkingDisabled_prefillsAnEmptyThinkBlock() {
        String prompt = QWEN3.render(List.of(user("What is 2+2?")), true, Map.of("enable_thinking", false));

        assertThat(prompt).isEqualTo("<|im_start|>user\nWhat is 2+2?<|im_end|>\n"
                + "<|im_start|>assistant\n<think>\n\n</think>\n\n");
    }

    @Test
    void earlierAssistantTurn_losesItsReasoning_andSystemPromptComesFirst() {
        List<ChatMessage> conversation = List.of(
                system("You are helpful."),
                user("What is 2+2?"),
                assistant("<think>\nSimple arithmetic.\n</think>\n\n2+2 = 4."),
                user("And 3+3?"));

        String prompt = QWEN3.render(conversation, true, Map.of("enable_thinking", true));

        // The assistant turn precedes the last user query (index 3), so only its answer after </think> is kept.
        assertThat(prompt).isEqualTo("<|im_start|>system\nYou are helpful.<|im_end|>\n"
                + "<|im_start|>user\nWhat is 2+2?<|im_end|>\n"
                + "<|im_start|>assistant\n2+2 = 4.<|im_end|>\n"
                + "<|im_start|>user\nAnd 3+3?<|im_end|>\n"
                + "<|im_start|>assistant\n");
    }

    @Test
    void assistantTurnAfterTheLastQuery_keepsItsReasoning_normalisedBetweenThinkTags() {
        List<ChatMessage> conversation = List.of(user("Hi"), assistant("<think>\n\nhmm\n</think>\n\nHello!"));

        // reasoning = split('</think>')[0].rstrip('\n').split('<think>')[-1].lstrip('\n') = "hmm", re-wrapped.
        assertThat(QWEN3.render(conversation, false)).isEqualTo("<|im_start|>user\nHi<|im_end|>\n"
                + "<|im_start|>assistant\n<think>\nhmm\n</think>\n\nHello!<|im_end|>\n");
    }

    @Test
    void lastAssistantTurnWithoutReasoning_getsAnEmptyThinkBlock() {
        List<ChatMessage> conversation = List.of(user("Hi"), assistant("Hello!"));

        // loop.last is true, so the template writes '<think>\n' + ''.strip('\n') + '\n</think>\n\n' anyway.
        assertThat(QWEN3.render(conversation, false)).isEqualTo("<|im_start|>user\nHi<|im_end|>\n"
                + "<|im_start|>assistant\n<think>\n\n</think>\n\nHello!<|im_end|>\n");
    }

    @Test
    void systemMessageAfterTheFirst_isRenderedAsATurn() {
        List<ChatMessage> conversation = List.of(user("Hi"), system("Be brief."));

        assertThat(QWEN3.render(conversation, false))
                .isEqualTo("<|im_start|>user\nHi<|im_end|>\n<|im_start|>system\nBe brief.<|im_end|>\n");
    }
}
