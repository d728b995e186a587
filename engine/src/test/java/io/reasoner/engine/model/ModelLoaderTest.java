package io.reasoner.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reasoner.engine.gguf.GgmlType;
import io.reasoner.engine.gguf.GgufMetadata;
import io.reasoner.engine.gguf.GgufTestWriter;
import io.reasoner.engine.tokenizer.Tokenizer;
import io.reasoner.engine.tokenizer.UnsupportedTokenizerException;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the loader accepts and refuses, and how tokenizers are plugged in. */
class ModelLoaderTest {

    @TempDir
    Path dir;

    @Test
    void huggingFaceFolder_withNeitherTokenizerJsonNorAProvider_failsNamingTheGap() throws IOException {
        Path folder = TinyModel.random(TinyModel.qwen3(), 51).writeHuggingFace(dir.resolve("qwen3"), "F32", 1);

        assertThatThrownBy(() -> ModelLoader.load(folder))
                .isInstanceOf(UnsupportedTokenizerException.class)
                .hasMessage("no tokenizer.json in " + folder + ", and no TokenizerProvider in LoadOptions or on the"
                        + " class path reads its tokenizer");
    }

    @Test
    void huggingFaceFolder_withTokenizerJson_usesTheBuiltInHuggingFaceTokenizer() throws IOException {
        Path folder = TinyModel.random(TinyModel.qwen3(), 51).writeHuggingFace(dir.resolve("qwen3"), "F32", 1);
        Files.writeString(folder.resolve("tokenizer.json"), """
                {"version": "1.0", "truncation": null, "padding": null,
                 "added_tokens": [{"id": 2, "content": "</s>", "single_word": false, "lstrip": false,
                                   "rstrip": false, "normalized": false, "special": true}],
                 "normalizer": null, "pre_tokenizer": {"type": "Whitespace"}, "post_processor": null,
                 "decoder": null,
                 "model": {"type": "WordLevel", "vocab": {"<unk>": 0, "<s>": 1, "</s>": 2, "hello": 3, "world": 4},
                           "unk_token": "<unk>"}}
                """);
        Files.writeString(folder.resolve("tokenizer_config.json"), "{\"eos_token\": \"</s>\"}");

        try (LanguageModel model = ModelLoader.load(folder); Sequence sequence = model.newSequence(8)) {
            int[] prompt = model.tokenizer().encode("hello world", false);
            assertThat(prompt).containsExactly(3, 4);
            assertThat(model.tokenizer().eosToken()).isEqualTo(2);
            assertThat(sequence.prefill(prompt)).hasSize(TinyModel.VOCAB);
        }
    }

    @Test
    void huggingFaceFolder_takesItsTokenizerFromTheProvider_andItsSpecialIdsFromConfigJson() throws IOException {
        Path folder = TinyModel.random(TinyModel.qwen2(), 52).writeHuggingFace(dir.resolve("qwen2"), "F32", 1);
        Tokenizer tokenizer = TinyModel.TestVocabulary.tokenizer();
        TokenizerProvider provider = new TokenizerProvider() {
            @Override
            public Optional<Tokenizer> fromFolder(Path modelFolder) {
                return Optional.of(tokenizer).filter(unused -> modelFolder.equals(folder));
            }
        };

        try (LanguageModel model = ModelLoader.load(folder, LoadOptions.defaults().withTokenizers(provider))) {
            assertThat(model.info()).isEqualTo(new ModelInfo("qwen2", "qwen2", 64, TinyModel.VOCAB, 1, 2));
            assertThat(model.tokenizer()).isSameAs(tokenizer);
            assertThat(model.loadReport().orElseThrow().format()).isEqualTo("safetensors");
        }
    }

    @Test
    void ggufTokenizerTheEngineLacks_isTakenFromAProvider() throws IOException {
        TinyModel tiny = TinyModel.random(TinyModel.qwen2(), 53);
        Path file = tiny.writeGguf(dir.resolve("m.gguf"), GgmlType.F32);
        Tokenizer custom = TinyModel.TestVocabulary.tokenizer();
        TokenizerProvider provider = new TokenizerProvider() {
            @Override
            public Optional<Tokenizer> fromGguf(GgufMetadata metadata) {
                return Optional.of(custom);
            }
        };

        try (LanguageModel model = ModelLoader.load(file, LoadOptions.defaults().withTokenizers(provider))) {
            assertThat(model.tokenizer()).isSameAs(custom);
        }
    }

    @Test
    void ggufWithAGpt2Vocabulary_loadsWithTheBuiltInBpeTokenizer_andStartsFromEosForWantOfABos()
            throws IOException {
        Path file = TinyModel.random(TinyModel.qwen2(), 53).writeGguf(dir.resolve("m.gguf"), GgmlType.F32, true);

        try (LanguageModel model = ModelLoader.load(file); Sequence sequence = model.newSequence(4)) {
            assertThat(model.tokenizer().bosToken()).isEqualTo(-1);
            assertThat(model.info()).isEqualTo(new ModelInfo("tiny-qwen2", "qwen2", 64, TinyModel.VOCAB, 2, 2));
            assertThat(sequence.prefill(new int[] {model.info().bosToken(), 7})).hasSize(TinyModel.VOCAB);
        }
    }

    @Test
    void closeableTokenizer_isClosedWithTheModel() throws IOException {
        Path folder = TinyModel.random(TinyModel.llama(), 54).writeHuggingFace(dir.resolve("llama"), "F32", 1);
        AtomicBoolean closed = new AtomicBoolean();
        Tokenizer tokenizer = closeable(TinyModel.TestVocabulary.tokenizer(), closed);
        TokenizerProvider provider = new TokenizerProvider() {
            @Override
            public Optional<Tokenizer> fromFolder(Path modelFolder) {
                return Optional.of(tokenizer);
            }
        };

        LanguageModel model = ModelLoader.load(folder, LoadOptions.defaults().withTokenizers(provider));
        assertThat(closed).isFalse();
        model.close();
        assertThat(closed).isTrue();
    }

    @Test
    void folderWithoutConfigJson_isRejected() {
        assertThatThrownBy(() -> ModelLoader.load(dir))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage(dir + " is a folder without config.json; expected a .gguf file or a Hugging Face model"
                        + " folder");
    }

    @Test
    void unsupportedArchitecture_isRejectedByName() throws IOException {
        Path file = new GgufTestWriter(3, 32).string("general.architecture", "gemma2").writeTo(dir.resolve("g.gguf"));

        assertThatThrownBy(() -> ModelLoader.load(file))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage("general.architecture 'gemma2' is not supported (supported: llama, qwen2, qwen3)");
    }

    @Test
    void qwen2FolderMissingABias_namesTheTensor() throws IOException {
        TinyModel tiny = TinyModel.random(TinyModel.qwen2(), 55);
        tiny.values.remove("model.layers.1.self_attn.k_proj.bias");
        tiny.shapes.remove("model.layers.1.self_attn.k_proj.bias");
        Path folder = tiny.writeHuggingFace(dir.resolve("qwen2"), "F32", 1);

        assertThatThrownBy(() -> ModelLoader.load(folder,
                LoadOptions.defaults().withTokenizers(TinyModel.tokenizerProvider())))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage("tensor 'model.layers.1.self_attn.k_proj.bias' is missing");
    }

    @Test
    void qwen3WithTheWrongHeadDim_isRejectedAtTheFirstMisshapenTensor() throws IOException {
        Path folder = TinyModel.random(TinyModel.qwen3(), 56).writeHuggingFace(dir.resolve("qwen3"), "F32", 1);
        Path config = folder.resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"head_dim\": 32", "\"head_dim\": null"));

        assertThatThrownBy(() -> ModelLoader.load(folder,
                LoadOptions.defaults().withTokenizers(TinyModel.tokenizerProvider())))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage("tensor 'model.layers.0.self_attn.q_proj.weight' must have shape [64, 64] (row-major),"
                        + " had [128, 64]");
    }

    @Test
    void untiedFolderWithoutAnOutputHead_isRejected() throws IOException {
        TinyModel tiny = TinyModel.random(TinyModel.llama(), 57);
        tiny.values.remove("lm_head.weight");
        tiny.shapes.remove("lm_head.weight");
        Path folder = tiny.writeHuggingFace(dir.resolve("llama"), "F32", 1);

        assertThatThrownBy(() -> ModelLoader.load(folder,
                LoadOptions.defaults().withTokenizers(TinyModel.tokenizerProvider())))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage("tensor 'lm_head.weight' is missing, and the config does not tie the output head to the"
                        + " embedding (tie_word_embeddings)");
    }

    @Test
    void unsupportedRopeScaling_isRefusedRatherThanIgnored() throws IOException {
        Path folder = TinyModel.random(TinyModel.llama(), 58).writeHuggingFace(dir.resolve("llama"), "F32", 1);
        Path config = folder.resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"rope_scaling\": null",
                "\"rope_scaling\": {\"rope_type\": \"dynamic\", \"factor\": 8.0}"));

        assertThatThrownBy(() -> ModelLoader.load(folder,
                LoadOptions.defaults().withTokenizers(TinyModel.tokenizerProvider())))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage("config.json RoPE scaling 'dynamic' is not supported (supported: default, linear, llama3,"
                        + " yarn)");
    }

    @Test
    void llama3ScalingWithoutItsParameters_namesTheMissingOne() throws IOException {
        Path folder = TinyModel.random(TinyModel.llama(), 58).writeHuggingFace(dir.resolve("llama"), "F32", 1);
        Path config = folder.resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"rope_scaling\": null",
                "\"rope_scaling\": {\"rope_type\": \"llama3\", \"factor\": 8.0}"));

        assertThatThrownBy(() -> ModelLoader.load(folder,
                LoadOptions.defaults().withTokenizers(TinyModel.tokenizerProvider())))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage("config.json must set rope_scaling.low_freq_factor to a number");
    }

    @Test
    void ggufRopeScalingTheEngineLacks_isRefusedByKey() throws IOException {
        TinyModel tiny = TinyModel.random(TinyModel.qwen2(), 59);
        Path longrope = tiny.writeGguf(dir.resolve("longrope.gguf"), GgmlType.F32,
                writer -> writer.string("qwen2.rope.scaling.type", "longrope"));
        Path deepseekYarn = tiny.writeGguf(dir.resolve("yarn.gguf"), GgmlType.F32,
                writer -> writer.string("qwen2.rope.scaling.type", "yarn")
                        .float32("qwen2.rope.scaling.factor", 4)
                        .float32("qwen2.rope.scaling.yarn_log_multiplier", 0.1f));

        assertThatThrownBy(() -> ModelLoader.load(longrope))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage("qwen2.rope.scaling.type 'longrope' is not supported (supported: none, linear, yarn, and"
                        + " Llama 3.1 scaling as tensor 'rope_freqs.weight')");
        assertThatThrownBy(() -> ModelLoader.load(deepseekYarn))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage("qwen2.rope.scaling.yarn_log_multiplier = 0.1 is not supported (only 0.0)");
    }

    /**
     * A tokenizer that also holds a (pretend) native resource; a proxy, so that it keeps up with the Tokenizer
     * interface without this test restating it.
     */
    private static Tokenizer closeable(Tokenizer delegate, AtomicBoolean closed) {
        return (Tokenizer) Proxy.newProxyInstance(Tokenizer.class.getClassLoader(),
                new Class<?>[] {Tokenizer.class, AutoCloseable.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        closed.set(true);
                        return null;
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
