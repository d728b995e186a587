package io.reasoner.gateway.openai;

import java.util.Map;

import io.reasoner.protocol.Budget;
import io.reasoner.protocol.FinishReason;
import io.reasoner.protocol.Forcing;
import io.reasoner.protocol.Phase;
import io.reasoner.protocol.ReasoningChunk;
import io.reasoner.protocol.ReasoningResult;
import io.reasoner.protocol.ResultStatus;
import io.reasoner.protocol.Usage;

/** Protocol events for the tests. */
final class Results {

    private Results() {
    }

    static ReasoningResult result(String id, ResultStatus status, FinishReason reason, long chunkCount) {
        return new ReasoningResult(id, "default", status, "Let me see.", "Forty-two.", reason, new Usage(5, 7, 3),
                Budget.of(8, 16), new Forcing(3, 1, true), chunkCount, status == ResultStatus.FAILED ? "boom" : null,
                "stories", Map.of(), 0);
    }

    static ReasoningChunk thinking(String id, long seq, String text) {
        return new ReasoningChunk(id, seq, Phase.THINKING, text, (int) seq + 1, 0);
    }

    static ReasoningChunk answer(String id, long seq, String text) {
        return new ReasoningChunk(id, seq, Phase.ANSWER, text, 1, (int) seq + 1);
    }
}
