package io.reasoner.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RandomModelWriterTest {

    @TempDir
    Path dir;

    @Test
    void writtenModel_loadsAsALlamaOfItsSpec_withAVocabularyThatSpellsAnyText() throws IOException {
        RandomModelWriter.Spec spec = RandomModelWriter.Spec.tiny();
        Path file = RandomModelWriter.write(spec, 3, dir.resolve("tiny.gguf"));

        try (LanguageModel model = ModelLoader.load(file); Sequence sequence = model.newSequence(8)) {
            assertThat(model.info()).isEqualTo(new ModelInfo("random-llama-0M", "llama", 128, 300, 1, 2));
            assertThat(model.loadReport().orElseThrow().bytesInMemory()).isEqualTo(4 * spec.parameters());
            assertThat(model.tokenizer().decode(model.tokenizer().encode("héllo", false))).isEqualTo("héllo");
            assertThat(sequence.prefill(new int[] {1, 299})).hasSize(300);
        }
    }

    @Test
    void sameSeed_writesTheSameBytes_andAnotherSeedOtherWeights() throws IOException {
        Path a = RandomModelWriter.write(RandomModelWriter.Spec.tiny(), 3, dir.resolve("a.gguf"));
        Path b = RandomModelWriter.write(RandomModelWriter.Spec.tiny(), 3, dir.resolve("b.gguf"));
        Path c = RandomModelWriter.write(RandomModelWriter.Spec.tiny(), 4, dir.resolve("c.gguf"));

        assertThat(Files.mismatch(a, b)).isEqualTo(-1);
        assertThat(Files.mismatch(a, c)).isPositive();
    }

    @Test
    void benchmarkSpec_hasAbout110MillionParameters() {
        assertThat(RandomModelWriter.Spec.llama100M().parameters()).isEqualTo(109_529_856L);
    }

    @Test
    void headsThatDoNotDivideTheDim_areRejected() {
        assertThatThrownBy(() -> new RandomModelWriter.Spec(100, 1, 3, 3, 64, 300, 64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dim must be a multiple of heads (3) with an even head size, was 100");
    }
}
