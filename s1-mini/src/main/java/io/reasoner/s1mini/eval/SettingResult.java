package io.reasoner.s1mini.eval;

/**
 * One model under one setting, over the whole test set.
 *
 * @param accuracy           share of problems whose extracted answer the domain's verifier accepts
 * @param meanThinkingTokens thinking tokens per problem, forced extensions included (the engine's count)
 * @param control            share of runs whose thinking stayed within the setting's cap (s1's Control)
 */
public record SettingResult(String model, String method, String label, int cap, int extensions,
                            String extensionText, int problems, double accuracy, double meanThinkingTokens,
                            double control) {
}
