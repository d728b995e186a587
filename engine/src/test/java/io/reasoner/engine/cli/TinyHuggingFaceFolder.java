package io.reasoner.engine.cli;

import io.reasoner.engine.weights.SafetensorsTestWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A Hugging Face llama folder small enough for command tests: config.json, one safetensors file of seeded random
 * F32 weights (head tied to the embedding), and a word-level tokenizer.json that knows "hello" and "world".
 */
final class TinyHuggingFaceFolder {

    private static final int DIM = 16;
    private static final int KV_DIM = 8;
    private static final int FFN = 32;
    private static final int VOCAB = 8;

    private TinyHuggingFaceFolder() {
    }

    static Path write(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("config.json"), """
                {"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": 16,
                 "num_hidden_layers": 1, "num_attention_heads": 2, "num_key_value_heads": 1,
                 "intermediate_size": 32, "max_position_embeddings": 64, "vocab_size": 8, "rms_norm_eps": 1e-5,
                 "rope_theta": 10000.0, "hidden_act": "silu", "tie_word_embeddings": true, "bos_token_id": 1,
                 "eos_token_id": 2, "torch_dtype": "float32"}
                """);
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
        SplittableRandom random = new SplittableRandom(5);
        String layer = "model.layers.0.";
        new SafetensorsTestWriter()
                .tensor("model.embed_tokens.weight", "F32", new long[] {VOCAB, DIM}, values(random, VOCAB * DIM))
                .tensor(layer + "input_layernorm.weight", "F32", new long[] {DIM}, values(random, DIM))
                .tensor(layer + "self_attn.q_proj.weight", "F32", new long[] {DIM, DIM}, values(random, DIM * DIM))
                .tensor(layer + "self_attn.k_proj.weight", "F32", new long[] {KV_DIM, DIM}, values(random, KV_DIM * DIM))
                .tensor(layer + "self_attn.v_proj.weight", "F32", new long[] {KV_DIM, DIM}, values(random, KV_DIM * DIM))
                .tensor(layer + "self_attn.o_proj.weight", "F32", new long[] {DIM, DIM}, values(random, DIM * DIM))
                .tensor(layer + "post_attention_layernorm.weight", "F32", new long[] {DIM}, values(random, DIM))
                .tensor(layer + "mlp.gate_proj.weight", "F32", new long[] {FFN, DIM}, values(random, FFN * DIM))
                .tensor(layer + "mlp.up_proj.weight", "F32", new long[] {FFN, DIM}, values(random, FFN * DIM))
                .tensor(layer + "mlp.down_proj.weight", "F32", new long[] {DIM, FFN}, values(random, DIM * FFN))
                .tensor("model.norm.weight", "F32", new long[] {DIM}, values(random, DIM))
                .writeTo(folder.resolve("model.safetensors"));
        return folder;
    }

    private static float[] values(SplittableRandom random, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) random.nextGaussian() * 0.5f;
        }
        return values;
    }
}
