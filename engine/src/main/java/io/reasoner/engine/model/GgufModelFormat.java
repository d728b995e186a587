package io.reasoner.engine.model;

import io.reasoner.engine.gguf.GgufFile;
import io.reasoner.engine.gguf.GgufMetadata;
import io.reasoner.engine.gguf.GgufTensorInfo;
import io.reasoner.engine.gguf.GgufTensorStore;
import io.reasoner.engine.tokenizer.Tokenizer;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens a GGUF model file: hyper-parameters from the {@code <architecture>.*} metadata keys (RoPE scaling from
 * those and the {@code rope_freqs.weight} tensor, see {@link GgufRopeScaling}), tokenizer from the
 * {@code tokenizer.ggml.*} keys, vocabulary size from the token embedding's rows.
 */
final class GgufModelFormat {

    static final String ARCHITECTURE_KEY = "general.architecture";

    private GgufModelFormat() {
    }

    static ModelSource open(Path path, TokenizerResolver tokenizers) throws IOException {
        GgufFile file = GgufFile.open(path);
        try {
            GgufMetadata metadata = file.metadata();
            Architecture architecture = Architecture.of(metadata.getString(ARCHITECTURE_KEY), ARCHITECTURE_KEY);
            ModelConfig plain = config(metadata, architecture, vocabSize(file));
            ModelConfig config = plain.withRopeScaling(GgufRopeScaling.read(file, architecture,
                    plain.ropeDimensionCount(), plain.contextLength()));
            Tokenizer tokenizer = tokenizers.forGguf(metadata);
            String name = metadata.findString("general.name").orElse(path.getFileName().toString());
            return new ModelSource(name, path, config, tokenizer,
                    ModelSource.bosOrEos(tokenizer.bosToken(), tokenizer.eosToken()), tokenizer.eosToken(),
                    new GgufTensorStore(file), TensorNaming.GGUF, true);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** The hyper-parameters the metadata keys give, with plain RoPE (scaling needs the file's tensors too). */
    static ModelConfig config(GgufMetadata metadata, Architecture architecture, int vocabSize) {
        String prefix = architecture.id() + ".";
        int embedding = metadata.getInt(prefix + "embedding_length");
        int heads = metadata.getInt(prefix + "attention.head_count");
        int headDim = metadata.findInt(prefix + "attention.key_length").orElse(embedding / heads);
        int valueDim = metadata.findInt(prefix + "attention.value_length").orElse(headDim);
        if (valueDim != headDim) {
            throw new ModelLoadException(prefix + "attention.value_length (" + valueDim + ") must equal "
                    + prefix + "attention.key_length (" + headDim + ")");
        }
        return new ModelConfig(
                architecture,
                embedding,
                metadata.getInt(prefix + "block_count"),
                heads,
                metadata.findInt(prefix + "attention.head_count_kv").orElse(heads),
                headDim,
                metadata.getInt(prefix + "feed_forward_length"),
                metadata.getInt(prefix + "context_length"),
                vocabSize,
                metadata.getFloat(prefix + "attention.layer_norm_rms_epsilon"),
                metadata.findFloat(prefix + "rope.freq_base").orElse(10_000f),
                metadata.findInt(prefix + "rope.dimension_count").orElse(headDim),
                architecture.ggufRopeLayout());
    }

    /** Rows of the token embedding; the tokenizer's vocabulary may be smaller (padding rows) but not larger. */
    private static int vocabSize(GgufFile file) {
        GgufTensorInfo embedding = file.findTensor(TensorNaming.GGUF.embedding())
                .orElseThrow(() -> new ModelLoadException("tensor '" + TensorNaming.GGUF.embedding()
                        + "' is missing"));
        long[] shape = embedding.rowMajorShape();
        if (shape.length != 2 || shape[0] > Integer.MAX_VALUE) {
            throw new ModelLoadException("tensor '" + embedding.name() + "' must be a [vocab, dim] matrix, was "
                    + embedding);
        }
        return (int) shape[0];
    }
}
