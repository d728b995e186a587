package io.reasoner.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One ordered piece of a request's output, on {@link ReasoningTopic#CHUNKS}.
 *
 * <p>For each request, {@code seq} starts at 0 and increases by one per chunk with no gaps, so a reader can
 * detect a missing or repeated chunk and resume after the last one it saw. A chunk's text never ends inside a
 * multi-byte UTF-8 character.
 *
 * @param requestId      the request
 * @param seq            position of this chunk in the request's stream, from 0
 * @param phase          whether the text is thinking or answer
 * @param text           the text delta
 * @param thinkingTokens thinking tokens produced so far, this chunk included
 * @param answerTokens   answer tokens produced so far, this chunk included
 * @param control        null for model output; for a budget-forcing marker, which moment it marks. A marker has
 *                       empty text: text the forcer injects ("Wait", "Final Answer:") follows as ordinary chunks
 * @param resume         where decoding stood once this chunk was written, so that another worker can continue the
 *                       request after it (see {@link ResumePoint}); null from producers that cannot be resumed
 */
public record ReasoningChunk(
        String requestId,
        long seq,
        Phase phase,
        String text,
        int thinkingTokens,
        int answerTokens,
        ControlKind control,
        @JsonInclude(JsonInclude.Include.NON_NULL) ResumePoint resume) implements ReasoningEvent {

    public ReasoningChunk(String requestId, long seq, Phase phase, String text, int thinkingTokens,
            int answerTokens, ControlKind control) {
        this(requestId, seq, phase, text, thinkingTokens, answerTokens, control, null);
    }

    /** A chunk of plain model output. */
    public ReasoningChunk(String requestId, long seq, Phase phase, String text, int thinkingTokens,
            int answerTokens) {
        this(requestId, seq, phase, text, thinkingTokens, answerTokens, null, null);
    }

    public ReasoningChunk {
        Checks.notBlank("requestId", requestId);
        Checks.atLeast("seq", seq, 0);
        Checks.notNull("phase", phase);
        Checks.notNull("text", text);
        Checks.atLeast("thinkingTokens", thinkingTokens, 0);
        Checks.atLeast("answerTokens", answerTokens, 0);
    }

    /**
     * This chunk as clients see it: the resume point is workers' business (token ids and decoding state), not
     * part of the text stream served over HTTP.
     */
    public ReasoningChunk withoutResume() {
        return resume == null ? this
                : new ReasoningChunk(requestId, seq, phase, text, thinkingTokens, answerTokens, control, null);
    }

    @Override
    public String key() {
        return requestId;
    }
}
