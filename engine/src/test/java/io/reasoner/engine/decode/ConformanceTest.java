package io.reasoner.engine.decode;

import static org.assertj.core.api.Assertions.assertThat;

import io.reasoner.engine.TestModels;
import io.reasoner.engine.model.LanguageModel;
import io.reasoner.engine.model.ModelLoader;
import io.reasoner.engine.sampling.Sampler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine reproduces the published llama2.c sample of stories260K: greedy decoding from BOS alone. Any error
 * in GGUF reading, weight layout, RoPE pairing, attention, the FFN or detokenizing shows up as different text.
 */
class ConformanceTest {

    private static final String PUBLISHED_SAMPLE = "Once upon a time, there was a little girl named Lily. She loved"
            + " to play outside in the park. One day, she saw a big, red ball.";

    @Test
    void greedyDecodingFromBos_reproducesThePublishedStories260KSample() throws IOException {
        try (LanguageModel model = ModelLoader.load(TestModels.stories260K())) {
            List<String> deltas = new ArrayList<>();
            GenerationResult result = new DecodingLoop(model).generate(
                    new GenerationRequest(model.tokenizer().encode(""), 60), Sampler.greedy(),
                    (token, text) -> deltas.add(text));

            assertThat(String.join("", deltas)).startsWith(PUBLISHED_SAMPLE);
            assertThat(result.promptTokens()).isEqualTo(1);
            assertThat(result.generatedTokens()).isEqualTo(deltas.size()).isEqualTo(60);
            assertThat(result.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
        }
    }
}
