package io.reasoner.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** config.json as the Hugging Face hub ships it, read into a {@link ModelConfig}. */
class HuggingFaceConfigTest {

    /** Qwen3-0.6B's config.json (abridged): head_dim 128 although hidden_size / heads is 64. */
    private static final String QWEN3_0_6B = """
            {
              "architectures": ["Qwen3ForCausalLM"], "attention_bias": false, "attention_dropout": 0.0,
              "bos_token_id": 151643, "eos_token_id": 151645, "head_dim": 128, "hidden_act": "silu",
              "hidden_size": 1024, "initializer_range": 0.02, "intermediate_size": 3072,
              "max_position_embeddings": 40960, "max_window_layers": 28, "model_type": "qwen3",
              "num_attention_heads": 16, "num_hidden_layers": 28, "num_key_value_heads": 8, "rms_norm_eps": 1e-06,
              "rope_scaling": null, "rope_theta": 1000000, "sliding_window": null, "tie_word_embeddings": true,
              "torch_dtype": "bfloat16", "use_cache": true, "use_sliding_window": false, "vocab_size": 151936
            }
            """;

    /** DeepSeek-R1-Distill-Qwen-1.5B's config.json (abridged): qwen2, no head_dim, untied head. */
    private static final String R1_DISTILL_QWEN_1_5B = """
            {
              "architectures": ["Qwen2ForCausalLM"], "bos_token_id": 151643, "eos_token_id": 151643,
              "hidden_act": "silu", "hidden_size": 1536, "intermediate_size": 8960,
              "max_position_embeddings": 131072, "model_type": "qwen2", "num_attention_heads": 12,
              "num_hidden_layers": 28, "num_key_value_heads": 2, "rms_norm_eps": 1e-06, "rope_theta": 10000,
              "sliding_window": 4096, "tie_word_embeddings": false, "torch_dtype": "bfloat16",
              "use_sliding_window": false, "vocab_size": 151936
            }
            """;

    @Test
    void qwen3Config_keepsItsOwnHeadDim_andNeoxRope() {
        ModelConfig config = read(QWEN3_0_6B);

        assertThat(config).isEqualTo(new ModelConfig(Architecture.QWEN3, 1024, 28, 16, 8, 128, 3072, 40960,
                151936, 1e-6f, 1e6f, 128, RopeLayout.NEOX));
        assertThat(config.queryDim()).isEqualTo(2048);
    }

    @Test
    void qwen2Config_withoutHeadDim_dividesTheEmbeddingByTheHeads() {
        ModelConfig config = read(R1_DISTILL_QWEN_1_5B);

        assertThat(config.headDim()).isEqualTo(128);
        assertThat(config.headCountKv()).isEqualTo(2);
        assertThat(config.ropeFreqBase()).isEqualTo(10_000f);
    }

    @Test
    void llamaConfig_isRotatedNeoxStyle_becauseHuggingFaceRowsAreNotPermuted() {
        ModelConfig config = read("""
                {"model_type": "llama", "hidden_size": 64, "num_hidden_layers": 2, "num_attention_heads": 4,
                 "intermediate_size": 128, "max_position_embeddings": 128, "vocab_size": 300,
                 "rms_norm_eps": 1e-5, "rope_parameters": {"rope_type": "default", "rope_theta": 500000.0}}
                """);

        assertThat(config.ropeLayout()).isEqualTo(RopeLayout.NEOX);
        assertThat(config.headCountKv()).isEqualTo(4);
        assertThat(config.ropeFreqBase()).isEqualTo(500_000f);
    }

    /** Llama-3.2-1B's config.json (abridged): Llama 3.1 RoPE scaling. */
    private static final String LLAMA_3_2_1B = """
            {
              "architectures": ["LlamaForCausalLM"], "attention_bias": false, "bos_token_id": 128000,
              "eos_token_id": 128001, "head_dim": 64, "hidden_act": "silu", "hidden_size": 2048,
              "intermediate_size": 8192, "max_position_embeddings": 131072, "mlp_bias": false, "model_type": "llama",
              "num_attention_heads": 32, "num_hidden_layers": 16, "num_key_value_heads": 8, "rms_norm_eps": 1e-05,
              "rope_scaling": {"factor": 32.0, "high_freq_factor": 4.0, "low_freq_factor": 1.0,
                               "original_max_position_embeddings": 8192, "rope_type": "llama3"},
              "rope_theta": 500000.0, "tie_word_embeddings": true, "torch_dtype": "bfloat16", "vocab_size": 128256
            }
            """;

    /** Qwen2.5-7B-Instruct's config.json (abridged) with the YaRN block its model card adds for long inputs. */
    private static final String QWEN2_5_7B_YARN = """
            {
              "architectures": ["Qwen2ForCausalLM"], "hidden_act": "silu", "hidden_size": 3584,
              "intermediate_size": 18944, "max_position_embeddings": 32768, "model_type": "qwen2",
              "num_attention_heads": 28, "num_hidden_layers": 28, "num_key_value_heads": 4, "rms_norm_eps": 1e-06,
              "rope_theta": 1000000.0, "tie_word_embeddings": false, "vocab_size": 152064,
              "rope_scaling": {"factor": 4.0, "original_max_position_embeddings": 32768, "type": "yarn"}
            }
            """;

    @Test
    void llama3_2Config_readsLlama3Scaling() {
        ModelConfig config = read(LLAMA_3_2_1B);

        assertThat(config.ropeScaling()).isEqualTo(new RopeScaling.Llama3(32, 1, 4, 8192));
        assertThat(config.ropeFreqBase()).isEqualTo(500_000f);
        assertThat(config.contextLength()).isEqualTo(131_072);
    }

    @Test
    void llama3ScalingInTransformers5RopeParameters_isReadToo() {
        ModelConfig config = read(LLAMA_3_2_1B.replace("\"rope_scaling\"", "\"rope_parameters\"")
                .replace("\"rope_type\": \"llama3\"", "\"rope_type\": \"llama3\", \"rope_theta\": 250000.0"));

        assertThat(config.ropeScaling()).isEqualTo(new RopeScaling.Llama3(32, 1, 4, 8192));
        assertThat(config.ropeFreqBase()).isEqualTo(250_000f);
    }

    @Test
    void qwen2_5YarnConfig_usesItsFactor_withThePapersAttentionFactor_andDefaultBetas() {
        ModelConfig config = read(QWEN2_5_7B_YARN);

        assertThat(config.ropeScaling()).isEqualTo(new RopeScaling.Yarn(4, 32768, 32, 1, 1 + 0.1 * Math.log(4), true));
    }

    @Test
    void yarnConfig_takesAnExplicitAttentionFactorBetasAndOriginalContext() {
        ModelConfig config = read(QWEN2_5_7B_YARN.replace("\"type\": \"yarn\"", "\"type\": \"yarn\","
                + " \"attention_factor\": 1.5, \"beta_fast\": 16, \"beta_slow\": 2")
                .replace("\"original_max_position_embeddings\": 32768,", ""));

        assertThat(config.ropeScaling()).isEqualTo(new RopeScaling.Yarn(4, 32768, 16, 2, 1.5, true));
    }

    @Test
    void linearScalingWithANonPositiveFactor_isRefusedNamingTheObject() {
        assertThatThrownBy(() -> read(QWEN3_0_6B.replace("\"rope_scaling\": null",
                "\"rope_scaling\": {\"rope_type\": \"linear\", \"factor\": 0}")))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage("config.json rope_scaling (linear): factor must be finite and > 0, was 0.0");
    }

    @Test
    void eosGivenAsAList_usesItsFirstId() {
        var json = new ConfigJson(JsonMapper.builder().build()
                .readTree("{\"eos_token_id\": [128001, 128008, 128009], \"bos_token_id\": null}"));

        assertThat(json.tokenId("eos_token_id")).hasValue(128001);
        assertThat(json.tokenId("bos_token_id")).isEmpty();
    }

    @Test
    void missingRequiredKey_isNamed() {
        assertThatThrownBy(() -> read(QWEN3_0_6B.replace("\"num_hidden_layers\": 28,", "")))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage("config.json must set num_hidden_layers to an integer");
    }

    @Test
    void otherActivation_isRefused() {
        assertThatThrownBy(() -> read(QWEN3_0_6B.replace("\"silu\"", "\"gelu\"")))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage("config.json hidden_act 'gelu' is not supported (supported: silu)");
    }

    @Test
    void otherModelType_isRefusedByName() {
        assertThatThrownBy(() -> read(QWEN3_0_6B.replace("\"qwen3\"", "\"qwen3_moe\"")))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage("config.json model_type 'qwen3_moe' is not supported (supported: llama, qwen2, qwen3)");
    }

    private static ModelConfig read(String json) {
        return HuggingFaceModelFormat.config(
                new ConfigJson(JsonMapper.builder().build().readTree(json)));
    }
}
