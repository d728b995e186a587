package io.reasoner.engine.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import jinjava.javax.el.CompositeELResolver;

/**
 * A Hugging Face chat template rendered by Jinjava, made to behave like the Jinja2 environment
 * {@code transformers} uses ({@code trim_blocks} and {@code lstrip_blocks} on, template's trailing newline dropped)
 * and
 * extended with what that environment adds or Jinjava lacks: {@code raise_exception}, Python string methods
 * ({@link PythonStringMethods}) and two source rewrites ({@link JinjaSourceAdapter}).
 *
 * <p>Jinjava reports most failures (unknown methods, bad syntax, exceptions in functions) as errors beside a
 * partial output rather than by throwing; any fatal error here becomes a {@link ChatTemplateException}, so a
 * template is never silently mis-rendered.
 */
final class JinjaChatTemplate implements ChatTemplate {

    private final String source;
    private final Map<String, String> specialTokens;
    private final Jinjava jinjava;

    JinjaChatTemplate(String source, Map<String, String> specialTokens) {
        Objects.requireNonNull(source, "source");
        this.specialTokens = Map.copyOf(Objects.requireNonNull(specialTokens, "specialTokens"));
        this.source = JinjaSourceAdapter.adapt(source);
        this.jinjava = newJinjava();
    }

    private static Jinjava newJinjava() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new PythonStringMethods());
        resolver.add(JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_ONLY);
        JinjavaConfig config = JinjavaConfig.newBuilder()
                .withTrimBlocks(true) // as transformers' chat-template environment
                // lstrip_blocks and keep_trailing_newline=False are applied to the source by JinjaSourceAdapter:
                // Jinjava's versions strip too much, and the latter would strip the output's final newline.
                .withLstripBlocks(false)
                .withKeepTrailingNewline(true)
                .withElResolver(resolver)
                .withLegacyOverrides(LegacyOverrides.newBuilder()
                        .withUseTrimmingForNotesAndExpressions(true) // {{- x -}} trims, not just {%- -%}
                        .withUseNaturalOperatorPrecedence(true) // Python's precedence for not/and/or/comparisons
                        .withParseWhitespaceControlStrictly(true)
                        .withHandleBackslashInQuotesOnly(true) // '\n' is an escape only inside string literals
                        .withKeepNullableLoopValues(true) // None items stay in loops, as in Python
                        .withUsePyishObjectMapper(true) // lists and dicts print as Python would
                        .withEvaluateMapKeys(true) // {key: v} evaluates key, as in Jinja2
                        .build())
                .build();
        Jinjava jinjava = new Jinjava(config);
        jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition("", "raise_exception",
                TemplateFunctions.class, "raiseException", String.class));
        return jinjava;
    }

    @Override
    public String render(List<ChatMessage> messages, boolean addGenerationPrompt, Map<String, Object> extraContext) {
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(extraContext, "extraContext");
        Map<String, Object> context = new HashMap<>(specialTokens);
        context.putAll(extraContext);
        context.put("messages", messages.stream().map(JinjaChatTemplate::asMap).toList());
        context.put("add_generation_prompt", addGenerationPrompt);
        RenderResult result = jinjava.renderForResult(source, context);
        List<TemplateError> fatal = result.getErrors().stream()
                .filter(error -> error.getSeverity() == TemplateError.ErrorType.FATAL)
                .toList();
        if (!fatal.isEmpty()) {
            throw failure(fatal);
        }
        return result.getOutput();
    }

    /** The template's own raise_exception if it called it, else one exception listing every fatal error. */
    private static ChatTemplateException failure(List<TemplateError> fatal) {
        for (TemplateError error : fatal) {
            for (Throwable cause = error.getException(); cause != null; cause = cause.getCause()) {
                if (cause instanceof ChatTemplateException raised) {
                    return raised;
                }
            }
        }
        String errors = fatal.stream()
                .map(error -> "line " + error.getLineno() + ": " + error.getMessage())
                .collect(Collectors.joining("; "));
        return new ChatTemplateException("chat template failed: " + errors, fatal.get(0).getException());
    }

    /** A message as the mutable-looking dict templates index ({@code message['role']}, {@code message.content}). */
    private static Map<String, Object> asMap(ChatMessage message) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("role", message.role());
        map.put("content", message.content());
        return map;
    }

    @Override
    public String toString() {
        return "JinjaChatTemplate" + specialTokens.keySet();
    }
}
