/**
 * Continuous batching: one worker decodes many sequences at once, each
 * {@link io.reasoner.engine.batch.BatchDecoder#step} advancing every ready sequence by one token in a single
 * forward pass, while new sequences join, prefill their prompts in bounded chunks between the others' tokens, and
 * leave.
 *
 * <p>Plain Java over the engine-neutral {@link io.reasoner.engine.model.SequenceBatch}: token ids in, logits out;
 * how the model batches (padded attention over KV-cache slots) stays in the model package. What the decoder adds
 * is scheduling and bookkeeping: which request owns which slot, admission against the context length and a KV
 * memory budget, the prefill chunk budget, and each sequence's {@link io.reasoner.engine.batch.LogitsHook}.
 */
package io.reasoner.engine.batch;
