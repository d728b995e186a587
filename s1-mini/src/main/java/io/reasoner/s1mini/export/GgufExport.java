package io.reasoner.s1mini.export;

import io.reasoner.engine.model.TrainableTransformer;
import io.reasoner.s1mini.data.TraceFormat;
import io.reasoner.s1mini.vocab.S1Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a trained model as a self-contained GGUF file: llama hyper-parameters and F32 weights, the byte-level
 * BPE vocabulary with its special tokens, and the chat template, so the engine (or llama.cpp) needs nothing else.
 */
public final class GgufExport {

    private GgufExport() {
    }

    public static Path write(TrainableTransformer model, S1Vocabulary vocabulary, String name, Path file)
            throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return vocabulary.writeTo(model.toGguf(name), TraceFormat.CHAT_TEMPLATE).writeTo(file);
    }
}
