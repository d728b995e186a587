package io.reasoner.engine.weights;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Named tensors of one model, whatever the file format: a GGUF file or a folder of safetensors shards. Reading a
 * tensor decodes it to {@code float} (dequantizing or widening its storage type); nothing is read before that.
 * Implementations are thread-safe for reading.
 */
public interface TensorStore extends AutoCloseable {

    /** The file format, for logs and the {@link LoadReport}: {@code GGUF} or {@code safetensors}. */
    String format();

    List<StoredTensor> tensors();

    Optional<StoredTensor> find(String name);

    /**
     * Decodes a tensor of this store to floats in row-major order.
     *
     * @throws IllegalArgumentException if the tensor is not one of this store's
     * @throws RuntimeException         a format-specific exception if its storage type cannot be decoded
     */
    float[] readFloats(StoredTensor tensor) throws IOException;

    @Override
    void close() throws IOException;
}
