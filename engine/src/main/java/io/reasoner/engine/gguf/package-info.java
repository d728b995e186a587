/**
 * Reads GGUF model files (versions 2 and 3, little-endian): the header, the typed metadata key/values,
 * the tensor table, and tensor data decoded to {@code float[]}.
 *
 * <p>The file is memory-mapped; nothing is copied until a tensor is decoded. Tensor types are described
 * by {@link io.reasoner.engine.gguf.GgmlType} (block layout, so sizes can be checked for every known
 * type) and decoded by a per-type {@code TensorDecoder} (F32, F16, BF16 and Q8_0 today). {@link
 * io.reasoner.engine.gguf.GgufTensorStore} presents the tensors as a format-neutral
 * {@link io.reasoner.engine.weights.TensorStore}.
 */
package io.reasoner.engine.gguf;
