package io.reasoner.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.reasoner.engine.gguf.GgmlType;
import java.io.IOException;
import java.nio.file.Path;

/** Comparisons of logit vectors, and running a token sequence through a freshly loaded model. */
final class Logits {

    private Logits() {
    }

    static void assertClose(float[] actual, float[] expected, double tolerance) {
        assertThat(actual).hasSameSizeAs(expected);
        assertThat(maxAbsDifference(actual, expected)).as("largest logit difference").isLessThan(tolerance);
    }

    static double maxAbsDifference(float[] actual, float[] expected) {
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, Math.abs(actual[i] - expected[i]));
        }
        return max;
    }

    /** Root-mean-square of the difference, relative to the RMS of {@code expected}. */
    static double relativeRmsError(float[] actual, float[] expected) {
        double error = 0;
        double norm = 0;
        for (int i = 0; i < expected.length; i++) {
            error += Math.pow(actual[i] - expected[i], 2);
            norm += Math.pow(expected[i], 2);
        }
        return Math.sqrt(error / norm);
    }

    static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Loads {@code path}, prefills {@code tokens} and returns the logits after the last. */
    static float[] after(Path path, LoadOptions options, int[] tokens) throws IOException {
        try (LanguageModel model = ModelLoader.load(path, options); Sequence sequence = model.newSequence(32)) {
            return sequence.prefill(tokens);
        }
    }

    static float[] afterGguf(TinyModel tiny, Path dir, GgmlType type, int[] tokens) throws IOException {
        Path file = tiny.writeGguf(dir.resolve(tiny.spec.architecture().id() + "-" + type + ".gguf"), type);
        return after(file, LoadOptions.defaults(), tokens);
    }

    static float[] afterHuggingFace(TinyModel tiny, Path dir, String dtype, int shards, int[] tokens)
            throws IOException {
        Path folder = tiny.writeHuggingFace(dir.resolve(tiny.spec.architecture().id() + "-" + dtype + "-" + shards),
                dtype, shards);
        return after(folder, LoadOptions.defaults().withTokenizers(TinyModel.tokenizerProvider()), tokens);
    }
}
