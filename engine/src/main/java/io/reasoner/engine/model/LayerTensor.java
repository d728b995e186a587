package io.reasoner.engine.model;

/** The tensors of one transformer block, with their names in GGUF ({@code blk.N.}) and Hugging Face checkpoints. */
enum LayerTensor {
    ATTENTION_NORM("attn_norm.weight", "input_layernorm.weight"),
    QUERY("attn_q.weight", "self_attn.q_proj.weight"),
    KEY("attn_k.weight", "self_attn.k_proj.weight"),
    VALUE("attn_v.weight", "self_attn.v_proj.weight"),
    QUERY_BIAS("attn_q.bias", "self_attn.q_proj.bias"),
    KEY_BIAS("attn_k.bias", "self_attn.k_proj.bias"),
    VALUE_BIAS("attn_v.bias", "self_attn.v_proj.bias"),
    QUERY_NORM("attn_q_norm.weight", "self_attn.q_norm.weight"),
    KEY_NORM("attn_k_norm.weight", "self_attn.k_norm.weight"),
    ATTENTION_OUTPUT("attn_output.weight", "self_attn.o_proj.weight"),
    FFN_NORM("ffn_norm.weight", "post_attention_layernorm.weight"),
    GATE("ffn_gate.weight", "mlp.gate_proj.weight"),
    UP("ffn_up.weight", "mlp.up_proj.weight"),
    DOWN("ffn_down.weight", "mlp.down_proj.weight");

    private final String ggufName;
    private final String huggingFaceName;

    LayerTensor(String ggufName, String huggingFaceName) {
        this.ggufName = ggufName;
        this.huggingFaceName = huggingFaceName;
    }

    String ggufName() {
        return ggufName;
    }

    String huggingFaceName() {
        return huggingFaceName;
    }
}
