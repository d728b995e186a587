package io.reasoner.gateway.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.reasoner.gateway.service.CreateReasoningBody;
import io.reasoner.gateway.service.CreateReasoningBody.BudgetBody;
import io.reasoner.gateway.service.CreateReasoningBody.MessageBody;
import io.reasoner.gateway.service.CreateReasoningBody.SamplingBody;
import io.reasoner.protocol.Budget;
import tools.jackson.databind.JsonNode;

/**
 * Translates an OpenAI chat completion request into the native body. Every value is checked here, under its
 * OpenAI name ({@code max_tokens must be in [1, 32768], was 0}), so a client never sees a native field name.
 *
 * <p>Budget: the thinking cap is {@code max_thinking_tokens} (or vLLM's {@code thinking_token_budget}), else the
 * cap configured for {@code reasoning_effort}, else the one for {@code medium}, OpenAI's default effort. The
 * answer cap is {@code max_tokens} or {@code max_completion_tokens}: unlike at OpenAI it does not include
 * thinking, which has its own cap. Absent sampling fields keep the platform's greedy default, not OpenAI's
 * temperature 1, so that repeated requests give repeated answers.
 */
final class ChatRequestMapper {

    /** {@code developer} is OpenAI's newer name for the system turn. */
    private static final List<String> ROLES = List.of("system", "developer", "user", "assistant");
    static final String KEEP_RUNNING = "keep_running";

    private final OpenAiProperties.Effort effort;

    ChatRequestMapper(OpenAiProperties.Effort effort) {
        this.effort = Objects.requireNonNull(effort, "effort");
    }

    ChatCall map(ChatCompletionRequest request) {
        if (request == null) {
            throw new InvalidParameterException(null, "request body must be a JSON object");
        }
        if (request.n() != null && request.n() != 1) {
            throw new InvalidParameterException("n", "n must be 1 (one choice per request), was " + request.n());
        }
        List<MessageBody> messages = messages(request.messages());
        int thinkingCap = thinkingCap(request);
        Map<String, String> metadata = request.metadata() == null ? Map.of() : request.metadata();
        String model = request.model() == null || request.model().isBlank() ? null : request.model();
        CreateReasoningBody body = new CreateReasoningBody(null, messages, model, budget(request, thinkingCap),
                sampling(request), null, null, metadata);
        boolean stream = Boolean.TRUE.equals(request.stream());
        boolean includeUsage = request.streamOptions() != null
                && Boolean.TRUE.equals(request.streamOptions().includeUsage());
        return new ChatCall(body, model, stream, includeUsage, "true".equalsIgnoreCase(metadata.get(KEEP_RUNNING)));
    }

    private static List<MessageBody> messages(List<ChatCompletionRequest.Message> messages) {
        if (messages == null || messages.isEmpty()) {
            throw new InvalidParameterException("messages", "messages must contain at least one message");
        }
        List<MessageBody> bodies = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            ChatCompletionRequest.Message message = messages.get(i);
            String at = "messages[" + i + "]";
            if (message == null) {
                throw new InvalidParameterException(at, at + " must be an object with a role and a content");
            }
            bodies.add(new MessageBody(role(at, message.role()), content(at, message.content())));
        }
        return bodies;
    }

    private static String role(String at, String role) {
        String normalized = role == null ? null : role.toLowerCase(Locale.ROOT);
        if (normalized == null || !ROLES.contains(normalized)) {
            throw new InvalidParameterException(at + ".role",
                    at + ".role must be one of " + ROLES + ", was " + role);
        }
        return normalized.equals("developer") ? "system" : normalized;
    }

    /** A string, or text parts joined by newlines (as vLLM joins them); other part types are refused. */
    private static String content(String at, JsonNode content) {
        if (content != null && content.isString()) {
            return content.asString();
        }
        if (content == null || !content.isArray()) {
            throw new InvalidParameterException(at + ".content",
                    at + ".content must be a string or an array of text parts");
        }
        List<String> texts = new ArrayList<>();
        for (int j = 0; j < content.size(); j++) {
            JsonNode part = content.get(j);
            String partAt = at + ".content[" + j + "]";
            String type = part.path("type").isString() ? part.get("type").asString() : null;
            if (!"text".equals(type)) {
                throw new InvalidParameterException(partAt + ".type",
                        partAt + ".type must be text (only text parts are supported), was " + type);
            }
            if (!part.path("text").isString()) {
                throw new InvalidParameterException(partAt + ".text", partAt + ".text must be a string");
            }
            texts.add(part.get("text").asString());
        }
        return String.join("\n", texts);
    }

    private int thinkingCap(ChatCompletionRequest request) {
        Integer explicit = agreeing("max_thinking_tokens", request.maxThinkingTokens(),
                "thinking_token_budget", request.thinkingTokenBudget());
        int cap = effortCap(request.reasoningEffort());
        if (explicit != null) {
            // The token count is the precise request; the effort, still checked above, is only a preset.
            String param = request.maxThinkingTokens() != null ? "max_thinking_tokens" : "thinking_token_budget";
            cap = InvalidParameterException.inRange(param, explicit, 0, Budget.MAX_TOKENS);
        }
        return cap;
    }

    private int effortCap(String level) {
        if (level == null) {
            return effort.medium();
        }
        return switch (level.toLowerCase(Locale.ROOT)) {
            case "low" -> effort.low();
            case "medium" -> effort.medium();
            case "high" -> effort.high();
            default -> throw new InvalidParameterException("reasoning_effort",
                    "reasoning_effort must be one of [low, medium, high], was " + level);
        };
    }

    private static BudgetBody budget(ChatCompletionRequest request, int thinkingCap) {
        Integer answerCap = agreeing("max_tokens", request.maxTokens(),
                "max_completion_tokens", request.maxCompletionTokens());
        if (answerCap != null) {
            InvalidParameterException.inRange(request.maxTokens() != null ? "max_tokens" : "max_completion_tokens",
                    answerCap, 1, Budget.MAX_TOKENS);
        }
        if (request.minThinkingTokens() != null) {
            InvalidParameterException.inRange("min_thinking_tokens", request.minThinkingTokens(), 0, thinkingCap);
        }
        if (request.thinkingExtensions() != null) {
            InvalidParameterException.inRange("thinking_extensions", request.thinkingExtensions(), 0,
                    Budget.MAX_EXTENSIONS);
        }
        checkText("extension_text", request.extensionText(), false);
        checkText("forced_answer_prefix", request.forcedAnswerPrefix(), true);
        return new BudgetBody(thinkingCap, request.minThinkingTokens(), request.thinkingExtensions(),
                request.extensionText(), request.forcedAnswerPrefix(), answerCap);
    }

    private static SamplingBody sampling(ChatCompletionRequest request) {
        if (request.temperature() != null) {
            InvalidParameterException.inRange("temperature", request.temperature(), 0.0, 2.0);
        }
        if (request.topP() != null && !(request.topP() > 0.0 && request.topP() <= 1.0)) {
            throw new InvalidParameterException("top_p", "top_p must be in (0, 1], was " + request.topP());
        }
        return new SamplingBody(request.temperature(), request.topP(), request.seed());
    }

    /** Two names for one setting: either may be given, or both with the same value. */
    private static Integer agreeing(String name, Integer value, String alias, Integer aliasValue) {
        if (value != null && aliasValue != null && !value.equals(aliasValue)) {
            throw new InvalidParameterException(name, name + " and " + alias + " name the same limit but disagree ("
                    + value + " vs " + aliasValue + "); give one of them");
        }
        return value != null ? value : aliasValue;
    }

    private static void checkText(String param, String text, boolean mayBeEmpty) {
        if (text == null) {
            return;
        }
        if (!mayBeEmpty && text.isEmpty()) {
            throw new InvalidParameterException(param, param + " must not be empty");
        }
        if (text.length() > Budget.MAX_TEXT_LENGTH) {
            throw new InvalidParameterException(param, param + " must be at most " + Budget.MAX_TEXT_LENGTH
                    + " characters, was " + text.length());
        }
    }
}
