package io.reasoner.engine.model;

import io.reasoner.engine.gguf.GgmlType;
import io.reasoner.engine.gguf.GgufTestWriter;
import io.reasoner.engine.tokenizer.SentencePieceTokenizer;
import io.reasoner.engine.tokenizer.TokenType;
import io.reasoner.engine.tokenizer.Tokenizer;
import io.reasoner.engine.tokenizer.Vocabulary;
import io.reasoner.engine.weights.FloatEncodings;
import io.reasoner.engine.weights.SafetensorsTestWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A tiny model of one architecture with seeded random weights, held by Hugging Face tensor name, that tests write
 * out as a GGUF file or a Hugging Face folder. The GGUF form is what llama.cpp's converter would write from the
 * folder: same values, GGUF names and dims order, and for llama the Q/K rows permuted for interleaved RoPE.
 */
final class TinyModel {

    /** Hyper-parameters; {@code headDim} may differ from {@code dim / heads} (qwen3 allows it). */
    record Spec(Architecture architecture, int dim, int layers, int heads, int kvHeads, int headDim, int ffn,
                int vocab, int context, float eps, float ropeTheta, boolean tied) {
    }

    static final int VOCAB = 260;

    static Spec llama() {
        return new Spec(Architecture.LLAMA, 64, 2, 4, 2, 16, 128, VOCAB, 64, 1e-5f, 10_000f, false);
    }

    static Spec qwen2() {
        return new Spec(Architecture.QWEN2, 64, 2, 4, 2, 16, 128, VOCAB, 64, 1e-6f, 1_000_000f, true);
    }

    /** Head size 32 with 4 heads: the query projection is 128 wide against a 64-dim embedding. */
    static Spec qwen3() {
        return new Spec(Architecture.QWEN3, 64, 2, 4, 2, 32, 128, VOCAB, 64, 1e-6f, 1_000_000f, false);
    }

    static Spec of(Architecture architecture) {
        return switch (architecture) {
            case LLAMA -> llama();
            case QWEN2 -> qwen2();
            case QWEN3 -> qwen3();
        };
    }

    final Spec spec;
    /** Row-major values and shapes by Hugging Face name, in the order a checkpoint lists them. */
    final Map<String, float[]> values = new LinkedHashMap<>();
    final Map<String, long[]> shapes = new LinkedHashMap<>();

    private TinyModel(Spec spec) {
        this.spec = spec;
    }

    /**
     * Weights scaled so activations stay near unit size: embeddings N(0, 1), projections N(0, 1/in), norm weights
     * 1 + N(0, 0.1^2), biases N(0, 0.5^2) (large, so that dropping or misplacing one shows).
     */
    static TinyModel random(Spec spec, long seed) {
        TinyModel model = new TinyModel(spec);
        SplittableRandom random = new SplittableRandom(seed);
        int q = spec.heads() * spec.headDim();
        int kv = spec.kvHeads() * spec.headDim();
        model.gaussian(random, "model.embed_tokens.weight", 0, 1, spec.vocab(), spec.dim());
        for (int i = 0; i < spec.layers(); i++) {
            String p = "model.layers." + i + ".";
            model.gaussian(random, p + "input_layernorm.weight", 1, 0.1, spec.dim());
            model.linear(random, p + "self_attn.q_proj.weight", q, spec.dim());
            model.linear(random, p + "self_attn.k_proj.weight", kv, spec.dim());
            model.linear(random, p + "self_attn.v_proj.weight", kv, spec.dim());
            if (spec.architecture() == Architecture.QWEN2) {
                model.gaussian(random, p + "self_attn.q_proj.bias", 0, 0.5, q);
                model.gaussian(random, p + "self_attn.k_proj.bias", 0, 0.5, kv);
                model.gaussian(random, p + "self_attn.v_proj.bias", 0, 0.5, kv);
            }
            if (spec.architecture() == Architecture.QWEN3) {
                model.gaussian(random, p + "self_attn.q_norm.weight", 1, 0.1, spec.headDim());
                model.gaussian(random, p + "self_attn.k_norm.weight", 1, 0.1, spec.headDim());
            }
            model.linear(random, p + "self_attn.o_proj.weight", spec.dim(), q);
            model.gaussian(random, p + "post_attention_layernorm.weight", 1, 0.1, spec.dim());
            model.linear(random, p + "mlp.gate_proj.weight", spec.ffn(), spec.dim());
            model.linear(random, p + "mlp.up_proj.weight", spec.ffn(), spec.dim());
            model.linear(random, p + "mlp.down_proj.weight", spec.dim(), spec.ffn());
        }
        model.gaussian(random, "model.norm.weight", 1, 0.1, spec.dim());
        if (!spec.tied()) {
            model.linear(random, "lm_head.weight", spec.vocab(), spec.dim());
        }
        return model;
    }

    private void linear(SplittableRandom random, String name, int out, int in) {
        gaussian(random, name, 0, 1 / Math.sqrt(in), out, in);
    }

    private void gaussian(SplittableRandom random, String name, double mean, double std, long... shape) {
        float[] data = new float[(int) Arrays.stream(shape).reduce(1, Math::multiplyExact)];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (mean + std * random.nextGaussian());
        }
        values.put(name, data);
        shapes.put(name, shape);
    }

    /**
     * A copy whose every weight is rounded through {@code dtype} (BF16 or F16). A BF16 value is also an F16 value
     * unless it lies below F16's normal range (2^-14), where F16 still holds it to within 2^-25; so a model
     * rounded to BF16 is stored losslessly, or as good as, in every format.
     */
    TinyModel roundedTo(String dtype) {
        TinyModel rounded = new TinyModel(spec);
        values.forEach((name, data) -> {
            float[] copy = new float[data.length];
            for (int i = 0; i < data.length; i++) {
                copy[i] = dtype.equals("BF16") ? FloatEncodings.roundToBf16(data[i]) : FloatEncodings.roundToF16(data[i]);
            }
            rounded.values.put(name, copy);
            rounded.shapes.put(name, shapes.get(name));
        });
        return rounded;
    }

    float[] tensor(String name) {
        return values.get(name);
    }

    /** The output head, which is the embedding when tied. */
    float[] outputHead() {
        return spec.tied() ? tensor("model.embed_tokens.weight") : tensor("lm_head.weight");
    }

    // ---- GGUF ----

    /**
     * Writes the GGUF form: matrices as {@code matrixType} (F32, F16, BF16 or Q8_0; 1-D tensors stay F32, as
     * llama.cpp keeps norms and biases), with the SentencePiece test vocabulary embedded.
     */
    Path writeGguf(Path file, GgmlType matrixType) throws IOException {
        return writeGguf(file, matrixType, false);
    }

    /**
     * As {@link #writeGguf(Path, GgmlType)}, but with {@code gpt2Vocabulary} a byte-level BPE vocabulary as Qwen
     * GGUFs carry ({@code tokenizer.ggml.model = gpt2}, no BOS, EOS {@code <|endoftext|>} at id 2).
     */
    Path writeGguf(Path file, GgmlType matrixType, boolean gpt2Vocabulary) throws IOException {
        return writeGguf(file, matrixType, gpt2Vocabulary, writer -> { });
    }

    /**
     * As {@link #writeGguf(Path, GgmlType)}, with {@code extras} adding what a converter writes for some
     * checkpoints only (RoPE scaling keys, the {@code rope_freqs.weight} tensor).
     */
    Path writeGguf(Path file, GgmlType matrixType, Consumer<GgufTestWriter> extras) throws IOException {
        return writeGguf(file, matrixType, false, extras);
    }

    private Path writeGguf(Path file, GgmlType matrixType, boolean gpt2Vocabulary, Consumer<GgufTestWriter> extras)
            throws IOException {
        String arch = spec.architecture().id();
        GgufTestWriter writer = new GgufTestWriter(3, 32)
                .string("general.architecture", arch)
                .string("general.name", "tiny-" + arch)
                .uint32(arch + ".context_length", spec.context())
                .uint32(arch + ".embedding_length", spec.dim())
                .uint32(arch + ".block_count", spec.layers())
                .uint32(arch + ".feed_forward_length", spec.ffn())
                .uint32(arch + ".attention.head_count", spec.heads())
                .uint32(arch + ".attention.head_count_kv", spec.kvHeads())
                .float32(arch + ".attention.layer_norm_rms_epsilon", spec.eps())
                .float32(arch + ".rope.freq_base", spec.ropeTheta());
        if (spec.headDim() != spec.dim() / spec.heads()) {
            writer.uint32(arch + ".attention.key_length", spec.headDim())
                    .uint32(arch + ".attention.value_length", spec.headDim());
        }
        if (gpt2Vocabulary) {
            TestVocabulary.writeGpt2Gguf(writer);
        } else {
            TestVocabulary.writeGguf(writer);
        }
        for (Map.Entry<String, float[]> entry : values.entrySet()) {
            long[] shape = shapes.get(entry.getKey());
            float[] data = ggufValues(entry.getKey(), entry.getValue());
            writer.tensor(ggufName(entry.getKey()), shape, shape.length == 1 ? GgmlType.F32 : matrixType, data);
        }
        extras.accept(writer);
        return writer.writeTo(file);
    }

    private float[] ggufValues(String name, float[] data) {
        if (spec.architecture() != Architecture.LLAMA) {
            return data;
        }
        if (name.endsWith("q_proj.weight")) {
            return permuteForInterleavedRope(data, spec.heads());
        }
        if (name.endsWith("k_proj.weight")) {
            return permuteForInterleavedRope(data, spec.kvHeads());
        }
        return data;
    }

    /**
     * convert_hf_to_gguf.py's {@code permute}: per head, row {@code 2i + j} of the result is row
     * {@code j * headDim/2 + i} of the input, so rotating adjacent pairs equals Hugging Face's rotate_half.
     */
    private float[] permuteForInterleavedRope(float[] rows, int heads) {
        int headDim = spec.headDim();
        int in = spec.dim();
        float[] permuted = new float[rows.length];
        for (int head = 0; head < heads; head++) {
            for (int i = 0; i < headDim / 2; i++) {
                for (int j = 0; j < 2; j++) {
                    int from = head * headDim + j * (headDim / 2) + i;
                    int to = head * headDim + 2 * i + j;
                    System.arraycopy(rows, from * in, permuted, to * in, in);
                }
            }
        }
        return permuted;
    }

    static String ggufName(String hfName) {
        if (hfName.equals("model.embed_tokens.weight")) {
            return "token_embd.weight";
        }
        if (hfName.equals("model.norm.weight")) {
            return "output_norm.weight";
        }
        if (hfName.equals("lm_head.weight")) {
            return "output.weight";
        }
        String[] parts = hfName.split("\\.", 4); // model, layers, N, rest
        for (LayerTensor tensor : LayerTensor.values()) {
            if (tensor.huggingFaceName().equals(parts[3])) {
                return "blk." + parts[2] + "." + tensor.ggufName();
            }
        }
        throw new IllegalArgumentException("no GGUF name for " + hfName);
    }

    // ---- Hugging Face folder ----

    /** Writes {@code config.json} and the weights as {@code dtype}, in one file or {@code shards} shards. */
    Path writeHuggingFace(Path folder, String dtype, int shards) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("config.json"), configJson(dtype));
        List<String> names = new ArrayList<>(values.keySet());
        if (shards == 1) {
            SafetensorsTestWriter writer = new SafetensorsTestWriter().metadata(Map.of("format", "pt"));
            names.forEach(name -> writer.tensor(name, dtype, shapes.get(name), values.get(name)));
            writer.writeTo(folder.resolve("model.safetensors"));
            return folder;
        }
        Map<String, String> index = new LinkedHashMap<>();
        for (int shard = 0; shard < shards; shard++) {
            String file = String.format(Locale.ROOT, "model-%05d-of-%05d.safetensors", shard + 1, shards);
            SafetensorsTestWriter writer = new SafetensorsTestWriter();
            for (int i = shard; i < names.size(); i += shards) {
                writer.tensor(names.get(i), dtype, shapes.get(names.get(i)), values.get(names.get(i)));
                index.put(names.get(i), file);
            }
            writer.writeTo(folder.resolve(file));
        }
        SafetensorsTestWriter.writeIndex(folder, index);
        return folder;
    }

    private String configJson(String dtype) {
        String torchDtype = switch (dtype) {
            case "F16" -> "float16";
            case "BF16" -> "bfloat16";
            default -> "float32";
        };
        String headDim = spec.architecture() == Architecture.QWEN3 ? String.valueOf(spec.headDim()) : "null";
        return String.format(Locale.ROOT, """
                {
                  "architectures": ["%sForCausalLM"],
                  "model_type": "%s",
                  "hidden_size": %d,
                  "num_hidden_layers": %d,
                  "num_attention_heads": %d,
                  "num_key_value_heads": %d,
                  "head_dim": %s,
                  "intermediate_size": %d,
                  "max_position_embeddings": %d,
                  "vocab_size": %d,
                  "rms_norm_eps": %s,
                  "rope_theta": %s,
                  "rope_scaling": null,
                  "hidden_act": "silu",
                  "attention_bias": %s,
                  "tie_word_embeddings": %s,
                  "bos_token_id": %d,
                  "eos_token_id": [%d, 0],
                  "torch_dtype": "%s"
                }
                """, spec.architecture().name(), spec.architecture().id(), spec.dim(), spec.layers(), spec.heads(),
                spec.kvHeads(), headDim, spec.ffn(), spec.context(), spec.vocab(), Float.toString(spec.eps()),
                Float.toString(spec.ropeTheta()), spec.architecture() == Architecture.QWEN2, spec.tied(),
                TestVocabulary.BOS, TestVocabulary.EOS, torchDtype);
    }

    /** The tokenizer of the Hugging Face form, through the loader's provider seam. */
    static TokenizerProvider tokenizerProvider() {
        return new TokenizerProvider() {
            @Override
            public Optional<Tokenizer> fromFolder(Path modelFolder) {
                return Optional.of(TestVocabulary.tokenizer());
            }
        };
    }

    /** A SentencePiece vocabulary of 3 specials, 256 byte tokens and one word: enough to tokenize any text. */
    static final class TestVocabulary {

        static final int BOS = 1;
        static final int EOS = 2;

        private TestVocabulary() {
        }

        static String[] tokens() {
            String[] tokens = new String[VOCAB];
            tokens[0] = "<unk>";
            tokens[1] = "<s>";
            tokens[2] = "</s>";
            for (int b = 0; b < 256; b++) {
                tokens[3 + b] = String.format(Locale.ROOT, "<0x%02X>", b);
            }
            tokens[259] = "▁the";
            return tokens;
        }

        static int[] types() {
            int[] types = new int[VOCAB];
            Arrays.fill(types, TokenType.BYTE.ordinal());
            types[0] = TokenType.UNKNOWN.ordinal();
            types[1] = TokenType.CONTROL.ordinal();
            types[2] = TokenType.CONTROL.ordinal();
            types[259] = TokenType.NORMAL.ordinal();
            return types;
        }

        static void writeGguf(GgufTestWriter writer) {
            writer.string("tokenizer.ggml.model", "llama")
                    .stringArray("tokenizer.ggml.tokens", tokens())
                    .float32Array("tokenizer.ggml.scores", new float[VOCAB])
                    .int32Array("tokenizer.ggml.token_type", types())
                    .uint32("tokenizer.ggml.bos_token_id", BOS)
                    .uint32("tokenizer.ggml.eos_token_id", EOS);
        }

        static void writeGpt2Gguf(GgufTestWriter writer) {
            String[] tokens = new String[VOCAB];
            for (int i = 0; i < VOCAB; i++) {
                tokens[i] = "t" + i;
            }
            tokens[EOS] = "<|endoftext|>";
            int[] types = new int[VOCAB];
            Arrays.fill(types, TokenType.NORMAL.ordinal());
            types[EOS] = TokenType.CONTROL.ordinal();
            writer.string("tokenizer.ggml.model", "gpt2")
                    .stringArray("tokenizer.ggml.tokens", tokens)
                    .int32Array("tokenizer.ggml.token_type", types)
                    .uint32("tokenizer.ggml.eos_token_id", EOS);
        }

        static Tokenizer tokenizer() {
            TokenType[] types = Arrays.stream(types()).mapToObj(id -> TokenType.values()[id])
                    .toArray(TokenType[]::new);
            return new SentencePieceTokenizer(new Vocabulary(List.of(tokens()), new float[VOCAB], types, BOS, EOS,
                    0, true, true));
        }
    }
}
