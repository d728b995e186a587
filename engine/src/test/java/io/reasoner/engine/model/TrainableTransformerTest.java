package io.reasoner.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.reasoner.engine.gguf.GgufWriter;
import io.reasoner.engine.tokenizer.TokenType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainableTransformerTest {

    private static final RandomModelWriter.Spec SPEC = RandomModelWriter.Spec.tiny();

    @TempDir
    Path dir;

    @Test
    void exportedGguf_decodesWithTheLogitsTheTrainingForwardComputed() throws IOException {
        long[] tokens = {1, 17, 250, 3, 99, 299, 42, 42, 7, 120};
        float[][] trained;
        Path file = dir.resolve("trained.gguf");
        try (TrainableTransformer model = TrainableTransformer.initialize(SPEC, new SplittableRandom(7));
             NDManager step = NDManager.newBaseManager()) {
            trained = rows(model.logits(step, tokens, 1).toFloatArray(), SPEC.vocab());
            withVocabulary(model.toGguf("trained")).writeTo(file);
        }

        try (LanguageModel loaded = ModelLoader.load(file); Sequence sequence = loaded.newSequence(tokens.length)) {
            for (int position = 0; position < tokens.length; position++) {
                float[] decoded = sequence.step((int) tokens[position]);
                for (int v = 0; v < SPEC.vocab(); v++) {
                    assertThat(decoded[v]).as("position %d, token %d", position, v)
                            .isCloseTo(trained[position][v], within(1e-4f));
                }
            }
        }
    }

    @Test
    void loadedCheckpoint_continuesWithTheSameParametersAndLogits() throws IOException {
        long[] tokens = {1, 17, 250, 3, 99};
        Path file = dir.resolve("checkpoint.gguf");
        try (TrainableTransformer model = TrainableTransformer.initialize(SPEC, new SplittableRandom(5));
             TrainableTransformer other = TrainableTransformer.initialize(SPEC, new SplittableRandom(6));
             NDManager step = NDManager.newBaseManager()) {
            withVocabulary(model.toGguf("checkpoint")).writeTo(file);
            try (TrainableTransformer loaded = TrainableTransformer.load(file)) {
                assertThat(loaded.spec()).isEqualTo(SPEC);
                assertThat(loaded.parameters().keySet()).containsExactlyElementsOf(model.parameters().keySet());
                float[] expected = model.logits(step, tokens, 1).toFloatArray();
                float[] actual = loaded.logits(step, tokens, 1).toFloatArray();
                float[] unrelated = other.logits(step, tokens, 1).toFloatArray();
                for (int i = 0; i < expected.length; i++) {
                    assertThat(actual[i]).isCloseTo(expected[i], within(1e-4f));
                }
                assertThat(unrelated[0]).isNotCloseTo(expected[0], within(1e-4f));
            }
        }
    }

    @Test
    void batchedSequences_attendOnlyWithinThemselves() {
        long[] first = {5, 6, 7, 8, 9, 10};
        long[] second = {200, 201, 202, 203, 204, 205};
        long[] both = new long[12];
        System.arraycopy(first, 0, both, 0, 6);
        System.arraycopy(second, 0, both, 6, 6);
        try (TrainableTransformer model = TrainableTransformer.initialize(SPEC, new SplittableRandom(7));
             NDManager step = NDManager.newBaseManager()) {
            float[] batched = model.logits(step, both, 2).toFloatArray();
            float[] alone = model.logits(step, second, 1).toFloatArray();

            float[] secondOfBatch = Arrays.copyOfRange(batched, 6 * SPEC.vocab(), 12 * SPEC.vocab());
            for (int i = 0; i < alone.length; i++) {
                assertThat(secondOfBatch[i]).isCloseTo(alone[i], within(1e-5f));
            }
        }
    }

    @Test
    void crossEntropyBackward_reachesEveryParameter() {
        long[] tokens = {1, 17, 250, 3, 99, 299, 42, 42};
        try (TrainableTransformer model = TrainableTransformer.initialize(SPEC, new SplittableRandom(11));
             NDManager step = NDManager.newBaseManager()) {
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray logits = model.logits(step, tokens, 1);
                NDArray loss = logits.logSoftmax(-1).get("0, 17").neg();
                collector.backward(loss);
            }
            for (Map.Entry<String, NDArray> parameter : model.parameters().entrySet()) {
                float norm = parameter.getValue().getGradient().square().sum().getFloat();
                assertThat(norm).as(parameter.getKey()).isPositive();
            }
        }
    }

    @Test
    void sameSeed_initialisesTheSameWeights() {
        try (TrainableTransformer a = TrainableTransformer.initialize(SPEC, new SplittableRandom(3));
             TrainableTransformer b = TrainableTransformer.initialize(SPEC, new SplittableRandom(3))) {
            assertThat(a.parameters().get("blk.1.qkv").toFloatArray())
                    .containsExactly(b.parameters().get("blk.1.qkv").toFloatArray());
        }
    }

    private static float[][] rows(float[] flat, int width) {
        float[][] rows = new float[flat.length / width][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = Arrays.copyOfRange(flat, r * width, (r + 1) * width);
        }
        return rows;
    }

    /** A SentencePiece vocabulary of {@code <unk> <s> </s>}, byte tokens and fillers, enough for the loader. */
    private static GgufWriter withVocabulary(GgufWriter writer) {
        List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
        int[] types = new int[SPEC.vocab()];
        Arrays.fill(types, TokenType.NORMAL.ordinal());
        for (int b = 0; b < 256; b++) {
            tokens.add(String.format("<0x%02X>", b));
            types[3 + b] = TokenType.BYTE.ordinal();
        }
        while (tokens.size() < SPEC.vocab()) {
            tokens.add("\u2581w" + tokens.size());
        }
        return writer.string("tokenizer.ggml.model", "llama")
                .stringArray("tokenizer.ggml.tokens", tokens)
                .float32Array("tokenizer.ggml.scores", new float[SPEC.vocab()])
                .int32Array("tokenizer.ggml.token_type", types)
                .uint32("tokenizer.ggml.bos_token_id", 1)
                .uint32("tokenizer.ggml.eos_token_id", 2);
    }
}
