package io.reasoner.protocol;

/** Token usage of one request, in tokens of the serving model. */
public record Usage(int promptTokens, int thinkingTokens, int answerTokens) {

    public Usage {
        Checks.atLeast("promptTokens", promptTokens, 0);
        Checks.atLeast("thinkingTokens", thinkingTokens, 0);
        Checks.atLeast("answerTokens", answerTokens, 0);
    }

    public int completionTokens() {
        return thinkingTokens + answerTokens;
    }
}
