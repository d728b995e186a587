/**
 * Choosing the next token from logits: greedy argmax, or temperature plus nucleus (top-p) sampling driven by an
 * injected, seeded {@link java.util.random.RandomGenerator} so that a seed reproduces a generation exactly.
 */
package io.reasoner.engine.sampling;
