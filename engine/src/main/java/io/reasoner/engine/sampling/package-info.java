/**
 * Choosing the next token from logits: greedy argmax, or temperature plus nucleus (top-p) sampling driven by an
 * injected, seeded {@link java.util.random.RandomGenerator} (a stream: a seed reproduces a whole generation) or by
 * a counter-based generator keyed by the seed and the token's position
 * ({@link io.reasoner.engine.sampling.Sampler#seeded}), which also reproduces any continuation of it, as resuming
 * a generation from a checkpoint needs.
 */
package io.reasoner.engine.sampling;
