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
 * <h2>Resuming a generation from what was streamed</h2>
 *
 * A worker that dies mid-request leaves a log of the events it streamed; another worker continues the request from
 * there with one prefill, and the client's stream has neither gap nor duplicate.
 *
 * <p><b>Commits.</b> Besides text and control events the forcer emits
 * {@link io.reasoner.engine.budget.TokensCommitted} at the end of each step (after the tokens it fed and the events
 * it delivered) whenever it holds nothing back: no token that may start a multi-token end delimiter (those may
 * still be rolled back) and no rolled-back position awaiting its resample. It carries every token fed since the
 * previous commit, model-written and injected alike, including tokens with no text of their own (the delimiter,
 * the separator, a byte of an unfinished character), and the run's counts. A
 * {@link io.reasoner.engine.budget.ControlKind#BUDGET_CHANGED} event is a commit point too: a change is applied
 * only where nothing is held back and everything fed is committed, so it alters the budget alone.
 *
 * <p><b>Invariant.</b> Let {@code e1 … en} be a run's events and {@code T(e)} be
 * {@link io.reasoner.engine.budget.ForcingEvent#committedTokens()}. For every {@code k} in {@code [0, n]}:
 * <ul>
 *   <li>{@code P(k) = T(e1) + … + T(ek)}, appended after the prompt and the thinking opening, is a prefix of the
 *       sequence the run holds from then on (committed tokens are never rolled back); it is everything fed up to
 *       the last commit point {@code c <= k};</li>
 *   <li>the {@link io.reasoner.engine.budget.ForcingCheckpoint} at {@code k}, which a
 *       {@link io.reasoner.engine.budget.CheckpointRecorder} fed {@code e1 … ek} returns, holds {@code P(k)}, the
 *       counts, phase and budget at {@code c}, and {@code k - c} events delivered since;</li>
 *   <li>a run of the same request made with
 *       {@link io.reasoner.engine.budget.ForcingRequest#resumingFrom ForcingRequest.resumingFrom(checkpoint)}
 *       prefills prompt + opening + {@code P(k)} in one pass (together with whatever the first step injects),
 *       restores the state at {@code c}, replays the steps that produced {@code e(c+1) … ek} without delivering
 *       them, and delivers exactly {@code e(k+1) … en}; its {@link io.reasoner.engine.budget.ForcingResult} equals
 *       the uninterrupted run's.</li>
 * </ul>
 * This holds when the sampler's pick is a function of the logits and the token's position
 * ({@code Sampler.greedy()}, or {@code Sampler.seeded(params, seed)} for temperature and top-p: not
 * {@code Sampler.of(params, random)}, whose draws are a stream), the request's processors are functions of the
 * logits and the {@link io.reasoner.engine.budget.DecodingState}, the model computes the same logits for the same
 * tokens whether it prefilled or stepped through them (exact for the scripted model; for the real one up to
 * float rounding, which flips a pick only on a near tie), and the resumed run sees the same inputs: a budget change
 * that was made but whose {@code BUDGET_CHANGED} is not among {@code e1 … ek} is made again through the new run's
 * {@link io.reasoner.engine.budget.BudgetControl}, and cancellation is up to the new run's hook. Changes reaching the
 * resumed run before it has replayed its {@code k - c} events wait until it has. If a resumed run takes another
 * path before it has replayed them, it fails with an {@link java.lang.IllegalStateException} rather than stream
 * something else.
 *
 * <p><b>What a worker does.</b> Feed a {@code CheckpointRecorder} exactly the events that go into each chunk, and
 * store with the chunk either the whole {@code checkpoint()} or the tokens committed by its events plus the last
 * checkpoint's counts (the tokens of the checkpoint are the concatenation over all chunks). Events received but not
 * yet in a chunk when the worker dies are simply produced again by the resumed run. The successor reads the last
 * chunk {@code s} of the request, rebuilds its checkpoint, resumes, and numbers the resumed run's chunks from
 * {@code s + 1}: the first event it hears is the one after the last streamed, so there is nothing to drop.
 * Duplicate rule: for a request, a chunk whose sequence number is at or below the highest already in the log is a
 * duplicate (a worker that was presumed dead but went on writing) and is dropped; since both writers produce the
 * same events after the same checkpoint, the chunk kept says the same as the one dropped.
 *
 * <p>{@code S1ReferenceLoop} and {@link io.reasoner.engine.budget.ForcingBenchmark} exist only to measure what the
 * one-pass design saves over s1's reference code, which re-submits the whole text for every extension.
 */
package io.reasoner.engine.budget;
