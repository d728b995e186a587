package io.reasoner.engine.model;

import ai.djl.ndarray.NDManager;
import io.reasoner.engine.gguf.GgufFile;
import io.reasoner.engine.gguf.GgufTensorInfo;
import io.reasoner.engine.tokenizer.SentencePieceTokenizer;
import io.reasoner.engine.tokenizer.Tokenizer;
import java.io.IOException;
import java.nio.file.Path;

/** Loads a GGUF model file into memory, ready to decode. */
public final class ModelLoader {

    private ModelLoader() {
    }

    /**
     * Reads the whole model: hyper-parameters and tokenizer from metadata, weights copied into native memory.
     * The file is closed before returning.
     *
     * @throws io.reasoner.engine.gguf.GgufFormatException                    if the file is not valid GGUF
     * @throws ModelLoadException                                             if it is not a llama model this
     *                                                                        engine can run
     * @throws io.reasoner.engine.tokenizer.UnsupportedTokenizerException     if its tokenizer is not SentencePiece
     */
    public static LanguageModel load(Path ggufFile) throws IOException {
        try (GgufFile file = GgufFile.open(ggufFile)) {
            Tokenizer tokenizer = SentencePieceTokenizer.fromGguf(file.metadata());
            LlamaConfig config = LlamaConfig.fromGguf(file.metadata(), tokenizer.vocabSize());
            ModelInfo info = new ModelInfo(
                    file.metadata().findString("general.name").orElse(ggufFile.getFileName().toString()),
                    LlamaConfig.ARCHITECTURE, config.contextLength(), tokenizer.vocabSize(),
                    tokenizer.bosToken(), tokenizer.eosToken());
            long parameters = file.tensors().stream().mapToLong(GgufTensorInfo::elementCount).sum();
            NDManager manager = TorchRuntime.newManager(parameters);
            try {
                LlamaWeights weights = LlamaWeightLoader.load(file, manager, config);
                return new LlamaModel(info, tokenizer, config, weights, manager);
            } catch (IOException | RuntimeException e) {
                manager.close();
                throw e;
            }
        }
    }
}
