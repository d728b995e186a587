package io.reasoner.engine.model;

import io.reasoner.engine.gguf.GgufWriter;
import io.reasoner.engine.tokenizer.TokenType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a llama model with seeded random F32 weights as a GGUF file, with a SentencePiece vocabulary that can
 * spell any text (control tokens, 256 byte tokens, then filler pieces): for benchmarks at a chosen size, and for
 * tests that need a real model file outside the model package. The output head is tied to the embedding, as
 * GGUF files without {@code output.weight} are.
 *
 * <p>Weights are uniform with the variances a trained model roughly keeps, so activations stay near unit size
 * through the layers: projections U(-a, a) with a = sqrt(3 / in) (variance 1/in), embeddings variance 1, norm
 * weights 1 +- 0.1. Uniform rather than Gaussian because it costs a tenth of the time for 10^8 values, and a
 * benchmark does not care about the shape of the distribution.
 */
public final class RandomModelWriter {

    /**
     * Llama hyper-parameters.
     *
     * @param context the context length the file declares
     */
    public record Spec(int dim, int layers, int heads, int kvHeads, int ffn, int vocab, int context) {

        /** Control tokens, then the 256 byte tokens every SentencePiece vocabulary here starts with. */
        static final int FIRST_PIECE = 3 + 256;

        public Spec {
            requireAtLeast("dim", dim, 2);
            requireAtLeast("layers", layers, 1);
            requireAtLeast("heads", heads, 1);
            requireAtLeast("ffn", ffn, 1);
            requireAtLeast("context", context, 1);
            requireAtLeast("vocab", vocab, FIRST_PIECE);
            if (dim % heads != 0 || (dim / heads) % 2 != 0) {
                throw new IllegalArgumentException("dim must be a multiple of heads (" + heads
                        + ") with an even head size, was " + dim);
            }
            if (kvHeads < 1 || heads % kvHeads != 0) {
                throw new IllegalArgumentException("kvHeads must divide heads (" + heads + "), was " + kvHeads);
            }
        }

        /** About 110M parameters (85M in the layers, 25M in the tied embedding): dim 768, 12 layers and heads. */
        public static Spec llama100M() {
            return new Spec(768, 12, 12, 12, 2048, 32_000, 2048);
        }

        /** A model small enough for unit tests: two layers, grouped-query attention, 300 tokens. */
        public static Spec tiny() {
            return new Spec(64, 2, 4, 2, 128, 300, 128);
        }

        public int headDim() {
            return dim / heads;
        }

        /** Weights, the tied embedding counted once. */
        public long parameters() {
            long attention = (long) dim * (dim + 2L * kvHeads * headDim()) + (long) dim * dim;
            long perLayer = 2L * dim + attention + 3L * dim * ffn;
            return (long) vocab * dim + layers * perLayer + dim;
        }

        private static void requireAtLeast(String name, int value, int min) {
            if (value < min) {
                throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
            }
        }
    }

    private RandomModelWriter() {
    }

    /** Writes {@code spec} to {@code file}; the same seed gives the same bytes. */
    public static Path write(Spec spec, long seed, Path file) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        GgufWriter writer = new GgufWriter()
                .string("general.architecture", "llama")
                .string("general.name", String.format(Locale.ROOT, "random-llama-%dM", spec.parameters() / 1_000_000))
                .uint32("llama.context_length", spec.context())
                .uint32("llama.embedding_length", spec.dim())
                .uint32("llama.block_count", spec.layers())
                .uint32("llama.feed_forward_length", spec.ffn())
                .uint32("llama.attention.head_count", spec.heads())
                .uint32("llama.attention.head_count_kv", spec.kvHeads())
                .float32("llama.attention.layer_norm_rms_epsilon", 1e-5f)
                .float32("llama.rope.freq_base", 10_000f);
        vocabulary(writer, spec.vocab());
        int kv = spec.kvHeads() * spec.headDim();
        writer.f32Tensor("token_embd.weight", new long[] {spec.vocab(), spec.dim()}, uniform(random, Math.sqrt(3)));
        int dim = spec.dim();
        for (int i = 0; i < spec.layers(); i++) {
            String p = "blk." + i + ".";
            writer.f32Tensor(p + "attn_norm.weight", new long[] {dim}, nearOne(random))
                    .f32Tensor(p + "attn_q.weight", new long[] {dim, dim}, projection(random, dim))
                    .f32Tensor(p + "attn_k.weight", new long[] {kv, dim}, projection(random, dim))
                    .f32Tensor(p + "attn_v.weight", new long[] {kv, dim}, projection(random, dim))
                    .f32Tensor(p + "attn_output.weight", new long[] {dim, dim}, projection(random, dim))
                    .f32Tensor(p + "ffn_norm.weight", new long[] {dim}, nearOne(random))
                    .f32Tensor(p + "ffn_gate.weight", new long[] {spec.ffn(), dim}, projection(random, dim))
                    .f32Tensor(p + "ffn_up.weight", new long[] {spec.ffn(), dim}, projection(random, dim))
                    .f32Tensor(p + "ffn_down.weight", new long[] {dim, spec.ffn()}, projection(random, spec.ffn()));
        }
        writer.f32Tensor("output_norm.weight", new long[] {spec.dim()}, nearOne(random));
        return writer.writeTo(file);
    }

    /** {@code <unk> <s> </s>}, the byte tokens {@code <0x00>..<0xFF>}, {@code ▁}, then pieces {@code ▁w260, ...}. */
    private static void vocabulary(GgufWriter writer, int size) {
        List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
        int[] types = new int[size];
        Arrays.fill(types, TokenType.NORMAL.ordinal());
        types[0] = TokenType.UNKNOWN.ordinal();
        types[1] = TokenType.CONTROL.ordinal();
        types[2] = TokenType.CONTROL.ordinal();
        for (int b = 0; b < 256; b++) {
            tokens.add(String.format(Locale.ROOT, "<0x%02X>", b));
            types[3 + b] = TokenType.BYTE.ordinal();
        }
        tokens.add("\u2581"); // the word boundary, so that spaces decode as spaces rather than as raw bytes
        for (int id = Spec.FIRST_PIECE + 1; id < size; id++) {
            tokens.add("\u2581w" + id);
        }
        writer.string("tokenizer.ggml.model", "llama")
                .stringArray("tokenizer.ggml.tokens", tokens)
                .float32Array("tokenizer.ggml.scores", new float[size])
                .int32Array("tokenizer.ggml.token_type", types)
                .uint32("tokenizer.ggml.bos_token_id", 1)
                .uint32("tokenizer.ggml.eos_token_id", 2);
    }

    private static GgufWriter.Values projection(SplittableRandom random, int in) {
        return uniform(random, Math.sqrt(3.0 / in));
    }

    private static GgufWriter.Values uniform(SplittableRandom random, double bound) {
        return () -> (float) ((2 * random.nextDouble() - 1) * bound);
    }

    private static GgufWriter.Values nearOne(SplittableRandom random) {
        return () -> (float) (1 + 0.2 * random.nextDouble() - 0.1);
    }
}
