package io.reasoner.s1mini.data;

import io.reasoner.engine.template.ChatMessage;
import io.reasoner.engine.template.ChatTemplate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The text contract between the data, the tokenizer, training and evaluation: Qwen3-style chat markup with
 * {@code <think>} tags, which the engine's {@code ThinkingFormat.thinkTags} drives. The chat template is the one
 * shipped in the model's GGUF file, and training renders prompts through the engine's Jinja renderer with it, so
 * the model is trained on exactly the prompts the platform will send.
 *
 * <p>The template does not open thinking: the budget forcer appends {@code <think>\n} itself. The answer starts
 * with {@link #ANSWER_PREFIX}, the forcer's default forced answer prefix, so a forced end of thinking leads into
 * text the model has seen.
 */
public final class TraceFormat {

    public static final String THINK_OPEN = "<think>\n";
    public static final String THINK_CLOSE = "</think>";
    public static final String ANSWER_SEPARATOR = "\n\n";
    public static final String ANSWER_PREFIX = "Final Answer:";
    public static final String END_OF_TURN = "<|im_end|>";
    public static final String WAIT = "Wait, ";

    /** Jinja, written into {@code tokenizer.chat_template}. */
    public static final String CHAT_TEMPLATE = "{%- for message in messages %}"
            + "{{- '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n' }}"
            + "{%- endfor %}"
            + "{%- if add_generation_prompt %}{{- '<|im_start|>assistant\\n' }}{%- endif %}";

    private static final ChatTemplate TEMPLATE = ChatTemplate.jinja(CHAT_TEMPLATE, Map.of());

    /** A completion split into its parts. */
    public record Parsed(String thinking, String answer) {
    }

    private TraceFormat() {
    }

    /** The rendered prompt for {@code question}, ending with the assistant's header. */
    public static String prompt(String question) {
        return TEMPLATE.render(List.of(ChatMessage.user(question)), true);
    }

    /** A full completion: thinking lines (each ending in a newline), the close tag, the answer, end of turn. */
    public static String completion(String thinking, String answer) {
        return THINK_OPEN + thinking + THINK_CLOSE + ANSWER_SEPARATOR + ANSWER_PREFIX + " " + answer + END_OF_TURN;
    }

    /**
     * The thinking and answer of a well-formed completion: it opens thinking, closes it exactly once, then gives
     * a non-empty answer after the prefix and ends the turn. Empty for anything else.
     */
    public static Optional<Parsed> parse(String completion) {
        if (!completion.startsWith(THINK_OPEN) || !completion.endsWith(END_OF_TURN)) {
            return Optional.empty();
        }
        int close = completion.indexOf(THINK_CLOSE);
        if (close < 0 || completion.indexOf(THINK_CLOSE, close + 1) >= 0) {
            return Optional.empty();
        }
        String thinking = completion.substring(THINK_OPEN.length(), close);
        String rest = completion.substring(close + THINK_CLOSE.length(), completion.length() - END_OF_TURN.length());
        String head = ANSWER_SEPARATOR + ANSWER_PREFIX + " ";
        if (thinking.isBlank() || !rest.startsWith(head) || rest.length() == head.length()) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(thinking, rest.substring(head.length())));
    }

    /** The answer in a model's answer text: what follows the last {@link #ANSWER_PREFIX}, or the whole text. */
    public static String extractAnswer(String answerText) {
        int at = answerText.lastIndexOf(ANSWER_PREFIX);
        String answer = at < 0 ? answerText : answerText.substring(at + ANSWER_PREFIX.length());
        return answer.replace(END_OF_TURN, "").trim();
    }
}
