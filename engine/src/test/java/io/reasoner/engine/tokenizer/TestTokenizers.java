package io.reasoner.engine.tokenizer;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find the real Qwen3 tokenizer files: {@code ../shared/tokenizers/qwen3} beside the repository root. */
public final class TestTokenizers {

    private TestTokenizers() {
    }

    public static Path qwen3Folder() {
        String root = System.getProperty("reasoner.root", ".");
        Path folder = Path.of(root).resolve("../shared/tokenizers/qwen3").normalize();
        if (!Files.isRegularFile(folder.resolve("tokenizer.json"))) {
            throw new IllegalStateException("Qwen3 tokenizer not found at " + folder
                    + " (expected ../shared beside the repository root; reasoner.root=" + root + ")");
        }
        return folder;
    }
}
