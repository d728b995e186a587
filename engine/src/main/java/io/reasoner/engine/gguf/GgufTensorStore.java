package io.reasoner.engine.gguf;

import io.reasoner.engine.weights.StoredTensor;
import io.reasoner.engine.weights.TensorStore;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The tensors of a {@link GgufFile} as a format-neutral {@link TensorStore}: shapes row-major (GGUF's dims
 * reversed), storage types named as in ggml ({@code F32}, {@code Q8_0}, ...). Owns the file: closing the store
 * closes it.
 */
public final class GgufTensorStore implements TensorStore {

    private final GgufFile file;

    public GgufTensorStore(GgufFile file) {
        this.file = file;
    }

    public GgufFile file() {
        return file;
    }

    @Override
    public String format() {
        return "GGUF";
    }

    @Override
    public List<StoredTensor> tensors() {
        return file.tensors().stream().map(GgufTensorStore::stored).toList();
    }

    @Override
    public Optional<StoredTensor> find(String name) {
        return file.findTensor(name).map(GgufTensorStore::stored);
    }

    /** @throws UnsupportedTensorTypeException if no decoder exists for the tensor's type (e.g. a K-quant) */
    @Override
    public float[] readFloats(StoredTensor tensor) throws IOException {
        GgufTensorInfo info = file.findTensor(tensor.name())
                .filter(candidate -> stored(candidate).equals(tensor))
                .orElseThrow(() -> new IllegalArgumentException("tensor " + tensor + " is not in " + file.path()));
        return file.readFloats(info);
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    private static StoredTensor stored(GgufTensorInfo info) {
        return new StoredTensor(info.name(), info.rowMajorShape(), info.type().name(), info.byteSize());
    }
}
