package io.reasoner.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find the real tiny model: {@code ../shared/models} beside the repository root. */
public final class TestModels {

    private TestModels() {
    }

    public static Path stories260K() {
        String root = System.getProperty("reasoner.root", ".");
        Path path = Path.of(root).resolve("../shared/models/stories260K/stories260K.gguf").normalize();
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("test model not found at " + path
                    + " (expected ../shared beside the repository root; reasoner.root=" + root + ")");
        }
        return path;
    }
}
