/**
 * s1-style budget forcing: decode a reasoning model's thinking and answer in one pass over one KV cache while
 * holding the number of thinking tokens within a budget. When thinking reaches its cap, the forcer closes it and
 * forces the answer ({@code "Final Answer:"}); when the model tries to stop thinking too early, the forcer drops
 * the ending token and appends an extension such as {@code "Wait"} (Muennighoff et al., "s1: Simple test-time
 * scaling", 2025).
 *
 * <p>Entry point: {@link io.reasoner.engine.budget.BudgetForcer}, configured by a
 * {@link io.reasoner.engine.budget.ThinkingFormat} (the model's delimiters) and run per request with a
 * {@link io.reasoner.engine.budget.ThinkingBudget}; progress streams to a
 * {@link io.reasoner.engine.budget.ForcingListener}. Plain Java: no transport types.
 *
 * <p>{@code S1ReferenceLoop} and {@link io.reasoner.engine.budget.ForcingBenchmark} exist only to measure what the
 * one-pass design saves over s1's reference code, which re-submits the whole text for every extension.
 */
package io.reasoner.engine.budget;
