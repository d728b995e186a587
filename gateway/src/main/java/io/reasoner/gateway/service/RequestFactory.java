package io.reasoner.gateway.service;

import java.time.Clock;
import java.util.Locale;

import io.reasoner.gateway.GatewayProperties;
import io.reasoner.protocol.Budget;
import io.reasoner.protocol.ChatMessage;
import io.reasoner.protocol.Priority;
import io.reasoner.protocol.ReasoningRequest;
import io.reasoner.protocol.Sampling;

/**
 * Turns an HTTP body into a protocol request: fills defaults and lets the protocol records validate. Invalid
 * values throw {@link IllegalArgumentException} naming the field and its allowed range.
 *
 * <p>The answer cap a request does not name is the configured default, shrunk where the served model's context
 * is known and would not hold it after the prompt, the thinking cap and the delimiters: a model with a small
 * context then serves requests that name no caps, and no deployment has to know its context to set the default.
 */
public final class RequestFactory {

    /**
     * Tokens kept free for what a worker's thinking format injects around the budget (the think tags, the answer
     * separator and "Final Answer:" take 4 to 8 tokens in the formats shipped here). The gateway does not know the
     * worker's format, so this is an allowance, not a count; the worker checks the exact sum.
     */
    static final int DELIMITER_ALLOWANCE = 16;

    private final GatewayProperties properties;
    private final RequestIds ids;
    private final Clock clock;
    private final PromptLimit promptLimit;

    public RequestFactory(GatewayProperties properties, RequestIds ids, Clock clock, PromptLimit promptLimit) {
        this.properties = properties;
        this.ids = ids;
        this.clock = clock;
        this.promptLimit = promptLimit;
    }

    public ReasoningRequest create(CreateReasoningBody body, String tenant) {
        if (body == null) {
            throw new IllegalArgumentException("request body must be a JSON object");
        }
        boolean noMessages = body.messages() == null || body.messages().isEmpty();
        if (noMessages && (body.prompt() == null || body.prompt().isBlank())) {
            throw new IllegalArgumentException("prompt must not be empty (or give messages)");
        }
        ReasoningRequest request = new ReasoningRequest(ids.next(), tenant, body.model(), body.prompt(),
                messages(body.messages()), budget(body.budget()), sampling(body.sampling()), priority(body.priority()),
                body.deadlineMs(), body.metadata(), clock.millis());
        int room = promptLimit.room(request);
        boolean answerCapNamed = body.budget() != null && body.budget().maxAnswerTokens() != null;
        return answerCapNamed ? request : withAnswerCap(request, defaultAnswerCap(request.budget(), room));
    }

    /**
     * The default answer cap, or less where the context leaves less after the prompt, the thinking cap and the
     * delimiters. Where not even one answer token fits, the default stays, and the worker refuses the request with
     * the numbers that do not add up.
     */
    private int defaultAnswerCap(Budget budget, int room) {
        long left = (long) room - budget.maxThinkingTokens() - DELIMITER_ALLOWANCE;
        return left < 1 ? properties.defaultMaxAnswerTokens()
                : (int) Math.min(properties.defaultMaxAnswerTokens(), left);
    }

    private static ReasoningRequest withAnswerCap(ReasoningRequest request, int maxAnswerTokens) {
        Budget b = request.budget();
        if (b.maxAnswerTokens() == maxAnswerTokens) {
            return request;
        }
        Budget budget = new Budget(b.maxThinkingTokens(), b.minThinkingTokens(), b.extensions(), b.extensionText(),
                b.forcedAnswerPrefix(), maxAnswerTokens);
        return new ReasoningRequest(request.requestId(), request.tenant(), request.model(), request.prompt(),
                request.messages(), budget, request.sampling(), request.priority(), request.deadlineMs(),
                request.metadata(), request.createdAtMs());
    }

    private static java.util.List<ChatMessage> messages(java.util.List<CreateReasoningBody.MessageBody> bodies) {
        if (bodies == null) {
            return java.util.List.of();
        }
        java.util.List<ChatMessage> messages = new java.util.ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            CreateReasoningBody.MessageBody body = bodies.get(i);
            if (body == null || body.role() == null || body.content() == null) {
                throw new IllegalArgumentException("messages[" + i + "] must have a role and a content");
            }
            try {
                messages.add(new ChatMessage(body.role(), body.content()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("messages[" + i + "]." + e.getMessage(), e);
            }
        }
        return messages;
    }

    private Budget budget(CreateReasoningBody.BudgetBody body) {
        if (body == null) {
            return Budget.of(properties.defaultMaxThinkingTokens(), properties.defaultMaxAnswerTokens());
        }
        return new Budget(
                orDefault(body.maxThinkingTokens(), properties.defaultMaxThinkingTokens()),
                orDefault(body.minThinkingTokens(), 0),
                orDefault(body.extensions(), 0),
                body.extensionText(),
                body.forcedAnswerPrefix(),
                orDefault(body.maxAnswerTokens(), properties.defaultMaxAnswerTokens()));
    }

    private static Sampling sampling(CreateReasoningBody.SamplingBody body) {
        if (body == null) {
            return Sampling.GREEDY;
        }
        return new Sampling(body.temperature() == null ? 0.0 : body.temperature(),
                body.topP() == null ? 1.0 : body.topP(), body.seed());
    }

    private static Priority priority(String value) {
        if (value == null) {
            return Priority.INTERACTIVE;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "interactive" -> Priority.INTERACTIVE;
            case "batch" -> Priority.BATCH;
            default -> throw new IllegalArgumentException(
                    "priority must be one of [interactive, batch], was " + value);
        };
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
