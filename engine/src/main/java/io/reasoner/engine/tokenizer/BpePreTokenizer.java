package io.reasoner.engine.tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into the pieces that byte-level BPE merges within (a merge never crosses a piece boundary), by a
 * regular expression; text between matches becomes pieces too (Hugging Face's {@code Split} with behaviour
 * {@code Isolated}), so nothing is ever dropped. Immutable.
 *
 * <p>The patterns are compiled with {@link Pattern#UNICODE_CHARACTER_CLASS}: the reference implementations
 * (Oniguruma in Hugging Face tokenizers, llama.cpp's hand-written splitters) treat {@code \s} as Unicode
 * whitespace and make {@code (?i)} Unicode-aware, whereas Java's defaults are ASCII-only.
 */
public final class BpePreTokenizer {

    /** OpenAI GPT-2's pattern: contractions, optionally space-prefixed letter/number/symbol runs, whitespace. */
    public static final BpePreTokenizer GPT2 = new BpePreTokenizer("gpt2",
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+");

    /**
     * Qwen2's (also Qwen2.5, Qwen3, DeepSeek-R1-Distill-Qwen) pattern: case-insensitive contractions, a letter run
     * with at most one leading non-letter, single digits, punctuation runs that swallow trailing newlines, and
     * newline/whitespace runs.
     */
    public static final BpePreTokenizer QWEN2 = new BpePreTokenizer("qwen2",
            "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*"
                    + "|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+");

    private final String name;
    private final Pattern pattern;

    private BpePreTokenizer(String name, String regex) {
        this.name = name;
        this.pattern = Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS);
    }

    /** A pre-tokenizer for a regex taken from a {@code tokenizer.json} {@code Split} step. */
    public static BpePreTokenizer ofRegex(String regex) {
        Objects.requireNonNull(regex, "regex");
        for (BpePreTokenizer known : List.of(GPT2, QWEN2)) {
            if (known.regex().equals(regex)) {
                return known;
            }
        }
        return new BpePreTokenizer("custom", regex);
    }

    /**
     * The pre-tokenizer a GGUF file names in {@code tokenizer.ggml.pre}; {@code null} (older files) means
     * {@code default}. llama.cpp's own "default" is a legacy multi-regex split; GPT-2's pattern is used here.
     *
     * @throws UnsupportedTokenizerException for names not implemented here
     */
    public static BpePreTokenizer fromGgufName(String pre) {
        String name = pre == null ? "default" : pre;
        return switch (name) {
            case "default", "gpt2", "gpt-2" -> GPT2;
            case "qwen2", "deepseek-r1-qwen" -> QWEN2;
            default -> throw new UnsupportedTokenizerException("tokenizer.ggml.pre '" + name
                    + "' is not supported (supported: default, gpt2, qwen2, deepseek-r1-qwen)");
        };
    }

    /** The pieces of a text, in order; they concatenate to the text. */
    public List<String> split(String text) {
        List<String> pieces = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        int end = 0;
        while (matcher.find()) {
            if (matcher.start() > end) {
                pieces.add(text.substring(end, matcher.start()));
            }
            if (matcher.end() > matcher.start()) {
                pieces.add(matcher.group());
            }
            end = matcher.end();
        }
        if (end < text.length()) {
            pieces.add(text.substring(end));
        }
        return pieces;
    }

    public String name() {
        return name;
    }

    public String regex() {
        return pattern.pattern();
    }

    @Override
    public String toString() {
        return "BpePreTokenizer[" + name + "]";
    }
}
