package io.reasoner.protocol;

import java.util.Map;

/**
 * The final outcome of a request, on {@link ReasoningTopic#RESULTS}. Exactly one per request.
 *
 * <p>Results and chunks travel on different topics, so a reader may see the result before the last chunks.
 * {@code chunkCount} tells it how many chunks to wait for (sequence numbers {@code 0..chunkCount-1}).
 *
 * @param requestId    the request
 * @param tenant       the request's tenant
 * @param status       done, failed or cancelled
 * @param thinking     the full thinking text
 * @param answer       the full answer text
 * @param finishReason why decoding stopped
 * @param usage        prompt, thinking and answer tokens
 * @param budget       the budget actually applied, which may differ from the one requested
 * @param forcing      what budget forcing did (injected tokens, extensions used, whether the cap fired)
 * @param chunkCount   number of chunks published for this request
 * @param error        why the request failed, or null
 * @param model        the model that served it, or null if none did
 * @param metadata     the request's metadata, copied
 * @param finishedAtMs when it ended, epoch milliseconds
 */
public record ReasoningResult(
        String requestId,
        String tenant,
        ResultStatus status,
        String thinking,
        String answer,
        FinishReason finishReason,
        Usage usage,
        Budget budget,
        Forcing forcing,
        long chunkCount,
        String error,
        String model,
        Map<String, String> metadata,
        long finishedAtMs) implements ReasoningEvent {

    public ReasoningResult {
        Checks.notBlank("requestId", requestId);
        tenant = tenant == null ? "default" : tenant;
        Checks.notNull("status", status);
        thinking = thinking == null ? "" : thinking;
        answer = answer == null ? "" : answer;
        Checks.notNull("finishReason", finishReason);
        usage = usage == null ? new Usage(0, 0, 0) : usage;
        forcing = forcing == null ? Forcing.NONE : forcing;
        Checks.atLeast("chunkCount", chunkCount, 0);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** A failed result for a request that produced no output, e.g. one that failed validation. */
    public static ReasoningResult failed(String requestId, String tenant, String error, long finishedAtMs) {
        return new ReasoningResult(requestId, tenant, ResultStatus.FAILED, "", "", FinishReason.ERROR,
                new Usage(0, 0, 0), null, Forcing.NONE, 0, error, null, Map.of(), finishedAtMs);
    }

    @Override
    public String key() {
        return requestId;
    }
}
