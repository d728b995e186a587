/**
 * Model weights independent of file format: a {@link io.reasoner.engine.weights.TensorStore} of named tensors
 * decoded to {@code float[]} on demand, the safetensors reader behind Hugging Face model folders (single file or
 * sharded with an index), and the {@link io.reasoner.engine.weights.LoadReport} of what loading cost.
 *
 * <p>The GGUF reader lives in {@code io.reasoner.engine.gguf} and exposes its tensors as a {@code TensorStore} too.
 * Nothing here knows DJL.
 */
package io.reasoner.engine.weights;
