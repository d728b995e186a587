package io.reasoner.engine.template;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Adapts a Hugging Face chat template to Jinjava where Jinjava parses or lays out Python-Jinja differently. Code
 * ({@code {{ }}} and {@code {% %}}) gets two rewrites, never applied to text or inside string literals:
 * <ol>
 *   <li>{@code seq[::-1]} (reverse slice; Jinjava slices have no step) becomes {@code seq|reverse}.</li>
 *   <li>A keyword argument's value is parenthesised: {@code namespace(last=messages|length - 1)} becomes
 *       {@code namespace(last=(messages|length - 1))}. Jinjava parses {@code =} at additive precedence, so it would
 *       read {@code (last=messages|length) - 1} and fail; Python binds the whole expression to the keyword.</li>
 * </ol>
 * and the layout options of transformers' Jinja2 environment are applied to the source here, because Jinjava's
 * own versions differ:
 * <ol start="3">
 *   <li>{@code lstrip_blocks}: spaces and tabs between the start of a line and a block tag or comment are removed.
 *       Jinjava's option also eats whitespace after text on the same line ({@code {{ x }} {% endfor %}}).</li>
 *   <li>{@code keep_trailing_newline=False}: one newline at the very end of the template is dropped. Jinjava's
 *       option drops a trailing newline of the output instead, which would eat the {@code \n} of Qwen's
 *       {@code '<|im_start|>assistant\n'}.</li>
 * </ol>
 * Not handled: {@code {% raw %}} blocks, whose content would be treated as code.
 */
final class JinjaSourceAdapter {

    private JinjaSourceAdapter() {
    }

    static String adapt(String template) {
        String source = dropOneTrailingNewline(template);
        StringBuilder out = new StringBuilder(source.length() + 16);
        int i = 0;
        while (i < source.length()) {
            int open = nextTagStart(source, i);
            if (open < 0) {
                out.append(source, i, source.length());
                break;
            }
            char kind = source.charAt(open + 1);
            String text = source.substring(i, open);
            out.append(kind == '{' ? text : lstripLastLine(text, i == 0));
            if (kind == '#') {
                int end = source.indexOf("#}", open + 2);
                end = end < 0 ? source.length() : end + 2;
                out.append(source, open, end);
                i = end;
                continue;
            }
            out.append(source, open, open + 2);
            int end = codeEnd(source, open + 2, kind == '{' ? "}}" : "%}");
            out.append(adaptCode(source.substring(open + 2, end)));
            i = end;
        }
        return out.toString();
    }

    private static String dropOneTrailingNewline(String template) {
        if (template.endsWith("\r\n")) {
            return template.substring(0, template.length() - 2);
        }
        return template.endsWith("\n") || template.endsWith("\r")
                ? template.substring(0, template.length() - 1) : template;
    }

    /** The next {@code {{}, {@code {%} or {@code {#} at or after {@code from}. */
    private static int nextTagStart(String source, int from) {
        for (int brace = source.indexOf('{', from); brace >= 0 && brace + 1 < source.length();
                brace = source.indexOf('{', brace + 1)) {
            char next = source.charAt(brace + 1);
            if (next == '{' || next == '%' || next == '#') {
                return brace;
            }
        }
        return -1;
    }

    /**
     * Text before a block tag or comment, without the spaces and tabs that stand alone at the start of its last
     * line ({@code atTemplateStart}: the text begins the template, so its first line is a line start too).
     * A tag opened with {@code +} ({@code {%+}) would opt out in Jinja2; no chat template uses that.
     */
    private static String lstripLastLine(String text, boolean atTemplateStart) {
        int cut = text.length();
        while (cut > 0 && (text.charAt(cut - 1) == ' ' || text.charAt(cut - 1) == '\t')) {
            cut--;
        }
        boolean lineStart = cut == 0 ? atTemplateStart : text.charAt(cut - 1) == '\n' || text.charAt(cut - 1) == '\r';
        return lineStart ? text.substring(0, cut) : text;
    }

    /** Where the code that starts at {@code from} ends: the first {@code close} outside a string literal. */
    private static int codeEnd(String template, int from, String close) {
        char quote = 0;
        for (int i = from; i < template.length(); i++) {
            char c = template.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (template.startsWith(close, i)) {
                return i;
            }
        }
        return template.length(); // unterminated: leave it for the parser to report
    }

    /** Applies both rewrites to one piece of code, tracking string literals and bracket nesting. */
    static String adaptCode(String code) {
        StringBuilder out = new StringBuilder(code.length() + 8);
        // One entry per open bracket: whether a keyword-argument value opened inside it awaits its ')'.
        Deque<Boolean> valueOpen = new ArrayDeque<>();
        Deque<Character> brackets = new ArrayDeque<>();
        char quote = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && i + 1 < code.length()) {
                    out.append(code.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                out.append(c);
            } else if (code.startsWith("[::-1]", i)) {
                out.append("|reverse");
                i += "[::-1]".length() - 1;
            } else if (c == '(' || c == '[' || c == '{') {
                brackets.push(c);
                valueOpen.push(false);
                out.append(c);
            } else if ((c == ')' || c == ']' || c == '}') && !brackets.isEmpty()) {
                brackets.pop();
                closeValue(out, valueOpen.pop());
                out.append(c);
            } else if (c == ',' && !brackets.isEmpty() && brackets.peek() == '(') {
                closeValue(out, valueOpen.pop());
                valueOpen.push(false);
                out.append(c);
            } else if (c == '=' && isKeywordArgument(code, i, out, brackets)) {
                out.append("=(");
                valueOpen.pop();
                valueOpen.push(true);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void closeValue(StringBuilder out, boolean open) {
        if (open) {
            out.append(')');
        }
    }

    /** {@code name=} directly inside call parentheses, after {@code (} or {@code ,}; not {@code ==}, {@code <=}. */
    private static boolean isKeywordArgument(String code, int at, StringBuilder out, Deque<Character> brackets) {
        if (brackets.isEmpty() || brackets.peek() != '(') {
            return false;
        }
        if (at + 1 < code.length() && code.charAt(at + 1) == '=') {
            return false;
        }
        int i = out.length() - 1;
        while (i >= 0 && Character.isWhitespace(out.charAt(i))) {
            i--;
        }
        int nameEnd = i;
        while (i >= 0 && (Character.isLetterOrDigit(out.charAt(i)) || out.charAt(i) == '_')) {
            i--;
        }
        if (i == nameEnd) {
            return false; // no identifier before '=' (it is part of !=, <=, >= or malformed)
        }
        while (i >= 0 && Character.isWhitespace(out.charAt(i))) {
            i--;
        }
        return i >= 0 && (out.charAt(i) == '(' || out.charAt(i) == ',');
    }
}
