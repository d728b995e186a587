/**
 * Language models behind a step-wise, engine-neutral API ({@link io.reasoner.engine.model.LanguageModel},
 * {@link io.reasoner.engine.model.Sequence} for one sequence, {@link io.reasoner.engine.model.SequenceBatch} for
 * many advanced in one forward pass: token ids in, {@code float[]} logits out), and the transformer forward pass
 * that implements it on DJL NDArrays with the PyTorch engine, for the llama, qwen2 and qwen3 families, loaded from
 * GGUF files or Hugging Face folders by {@link io.reasoner.engine.model.ModelLoader}.
 *
 * <p>Reading a model is split by format ({@code GgufModelFormat}, {@code HuggingFaceModelFormat}: hyper-parameters,
 * tokenizer, tensor naming) from turning its tensors into weights ({@code WeightLoader}, format-neutral over a
 * {@link io.reasoner.engine.weights.TensorStore}); the family decides only biases, q/k norms and the RoPE layout
 * ({@code Architecture}). RoPE scaling (linear, Llama 3.1, YaRN) is read by format ({@code GgufRopeScaling},
 * {@code HuggingFaceRopeScaling}) into one {@code RopeScaling}, so both formats compute the same angles.
 *
 * <p>A forward step ({@code TransformerForward}) runs the rows of every append in the step as one batch; only
 * attention tells sequences apart ({@code Attention}, over the slots of a {@code KvCache}), after a plain-Java
 * {@code StepPlan} has ordered the rows. A lone sequence is a batch of one slot.
 *
 * <p>DJL types never leave this package. Native memory is scoped: weights live in the model's manager, each
 * sequence's or batch's KV cache in a sub-manager of it, and every forward step's intermediates in a sub-manager
 * of that one, closed when the step returns.
 */
package io.reasoner.engine.model;
