/**
 * Language models behind a step-wise, engine-neutral API ({@link io.reasoner.engine.model.LanguageModel},
 * {@link io.reasoner.engine.model.Sequence}: token ids in, {@code float[]} logits out), and the Llama forward pass
 * that implements it on DJL NDArrays with the PyTorch engine on CPU.
 *
 * <p>DJL types never leave this package. Native memory is scoped: weights live in the model's manager, each
 * sequence's KV cache in a sub-manager of it, and every forward step's intermediates in a sub-manager of the
 * sequence that is closed when the step returns.
 */
package io.reasoner.engine.model;
