package io.reasoner.engine.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.reasoner.engine.gguf.GgufArray;
import io.reasoner.engine.gguf.GgufMetadata;
import io.reasoner.engine.gguf.GgufValueType;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The GGUF gpt2 path on real data: the test converts Qwen3's {@code tokenizer.json} into the
 * {@code tokenizer.ggml.*} keys as llama.cpp's converter writes them (tokens by id; type NORMAL, CONTROL for
 * special added tokens, USER_DEFINED for other added tokens; merges as "a b"; pre "qwen2") and checks that
 * {@link Tokenizers#fromGguf} then gives the Rust reference's ids.
 */
class Qwen3GgufBpeTest {

    private static final int NORMAL = 1;
    private static final int CONTROL = 3;
    private static final int USER_DEFINED = 4;

    private static DjlHuggingFaceTokenizer reference;
    private static Tokenizer gguf;

    @BeforeAll
    static void convertQwen3ToGgufMetadata() throws IOException {
        reference = HuggingFaceTokenizers.fromFolder(TestTokenizers.qwen3Folder());
        gguf = Tokenizers.fromGguf(ggufMetadataOf(
                JsonParser.parseString(Files.readString(TestTokenizers.qwen3Folder().resolve("tokenizer.json")))
                        .getAsJsonObject()));
    }

    @AfterAll
    static void closeReference() {
        reference.close();
    }

    private static GgufMetadata ggufMetadataOf(JsonObject json) {
        JsonObject model = json.getAsJsonObject("model");
        Map<Integer, String> tokens = new HashMap<>();
        Map<Integer, Integer> types = new HashMap<>();
        model.getAsJsonObject("vocab").entrySet().forEach(e -> {
            tokens.put(e.getValue().getAsInt(), e.getKey());
            types.put(e.getValue().getAsInt(), NORMAL);
        });
        for (JsonElement element : json.getAsJsonArray("added_tokens")) {
            JsonObject added = element.getAsJsonObject();
            tokens.put(added.get("id").getAsInt(), added.get("content").getAsString());
            types.put(added.get("id").getAsInt(), added.get("special").getAsBoolean() ? CONTROL : USER_DEFINED);
        }
        List<String> merges = new ArrayList<>();
        for (JsonElement merge : model.getAsJsonArray("merges")) {
            merges.add(merge.isJsonArray()
                    ? merge.getAsJsonArray().get(0).getAsString() + " " + merge.getAsJsonArray().get(1).getAsString()
                    : merge.getAsString());
        }
        int size = tokens.size();
        Map<String, Object> values = new HashMap<>();
        values.put("tokenizer.ggml.model", "gpt2");
        values.put("tokenizer.ggml.pre", "qwen2");
        values.put("tokenizer.ggml.tokens", new GgufArray(GgufValueType.STRING,
                IntStream.range(0, size).mapToObj(tokens::get).toArray(String[]::new)));
        values.put("tokenizer.ggml.token_type", new GgufArray(GgufValueType.INT32,
                IntStream.range(0, size).map(types::get).toArray()));
        values.put("tokenizer.ggml.merges", new GgufArray(GgufValueType.STRING, merges.toArray(String[]::new)));
        values.put("tokenizer.ggml.bos_token_id", 151643L); // <|endoftext|>, as Qwen3 GGUF files carry it
        values.put("tokenizer.ggml.eos_token_id", 151645L); // <|im_end|>
        values.put("tokenizer.ggml.add_bos_token", false);
        return new GgufMetadata(values);
    }

    @Test
    void ggufGpt2Vocabulary_isReadAsByteLevelBpe_withQwenSpecialTokens() {
        assertThat(gguf).isInstanceOf(BpeTokenizer.class);
        assertThat(gguf.vocabSize()).isEqualTo(151669);
        assertThat(gguf.encode("<think>")).containsExactly(151667);
        assertThat(gguf.encode("</think>")).containsExactly(151668);
        assertThat(gguf.encode("<|im_start|>")).containsExactly(151644);
        assertThat(gguf.encode("Wait")).containsExactly(14190);
        assertThat(gguf.encode(" Wait", false)).containsExactly(13824);
    }

    @Test
    void variedCorpus_encodesToTheReferenceIds_andRoundTrips() {
        for (String text : Qwen3Corpus.SAMPLES) {
            int[] expected = reference.encode(text);

            assertThat(gguf.encode(text)).as(text).containsExactly(expected);
            assertThat(gguf.decode(expected)).isEqualTo(text);
        }
    }

    @Test
    void longText_encodesToTheReferenceIds() {
        String text = Qwen3Corpus.longText();

        int[] expected = reference.encode(text);

        assertThat(expected.length).isGreaterThan(512);
        assertThat(gguf.encode(text)).containsExactly(expected);
        assertThat(gguf.decode(expected)).isEqualTo(text);
    }

    @Test
    void chatPrompt_withThinking_encodesToTheReferenceIds() {
        String prompt = "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nWhat is 2+2?<|im_end|>\n"
                + "<|im_start|>assistant\n<think>\nWait, 2+2 is 4.\n</think>\n\n4<|im_end|>";

        assertThat(gguf.encode(prompt)).containsExactly(reference.encode(prompt));
    }
}
