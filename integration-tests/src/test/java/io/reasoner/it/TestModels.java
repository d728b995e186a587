package io.reasoner.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real tiny model shared beside the checkout. */
final class TestModels {

    private TestModels() {
    }

    static Path stories260K() {
        Path root = Path.of(System.getProperty("reasoner.root", "."));
        Path model = root.resolve("../shared/models/stories260K/stories260K.gguf").normalize();
        if (!Files.isRegularFile(model)) {
            throw new IllegalStateException("missing test model " + model + "; ../shared must sit beside the checkout");
        }
        return model;
    }
}
