package io.reasoner.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.reasoner.engine.gguf.GgmlType;
import io.reasoner.engine.tokenizer.Tokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default {@link LanguageModel#newBatch}, for models without a batched pass: same results, one pass each. */
class SequentialBatchTest {

    @TempDir
    Path dir;

    @Test
    void defaultBatch_givesTheSameLogitsAsTheBatchedPass_andEmptiesASlotOnTruncateToZero() throws IOException {
        TinyModel tiny = TinyModel.random(TinyModel.llama(), 31);
        try (LanguageModel model = ModelLoader.load(tiny.writeGguf(dir.resolve("m.gguf"), GgmlType.F32));
             SequenceBatch batched = model.newBatch(2, 8);
             SequenceBatch sequential = unbatched(model).newBatch(2, 8)) {
            List<SlotAppend> prompts = List.of(new SlotAppend(1, new int[] {1, 2, 3}), new SlotAppend(0, new int[] {4}));
            List<float[]> expected = batched.append(prompts);
            List<float[]> actual = sequential.append(prompts);

            Logits.assertClose(actual.get(0), expected.get(0), 1e-5);
            Logits.assertClose(actual.get(1), expected.get(1), 1e-5);
            sequential.truncate(1, 0);
            assertThat(sequential.length(1)).isZero();
            assertThat(sequential.length(0)).isEqualTo(1);
        }
    }

    /** The model seen only through {@link LanguageModel}'s abstract methods. */
    private static LanguageModel unbatched(LanguageModel model) {
        return new LanguageModel() {
            @Override
            public ModelInfo info() {
                return model.info();
            }

            @Override
            public Tokenizer tokenizer() {
                return model.tokenizer();
            }

            @Override
            public Sequence newSequence(int maxTokens) {
                return model.newSequence(maxTokens);
            }

            @Override
            public void close() {
            }
        };
    }
}
