package io.reasoner.engine.model;

import io.reasoner.engine.tokenizer.Tokenizer;
import io.reasoner.engine.weights.SafetensorsFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens a Hugging Face model folder: hyper-parameters from {@code config.json}, weights from {@code *.safetensors}
 * (see {@link SafetensorsFolder}), tokenizer from a {@link TokenizerProvider} or else {@code tokenizer.json}. Hugging
 * Face checkpoints keep Q/K rows in their training order, so RoPE is always NeoX style ({@code rotate_half}) here,
 * llama included.
 */
final class HuggingFaceModelFormat {

    static final String CONFIG_FILE = "config.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HuggingFaceModelFormat() {
    }

    static boolean isModelFolder(Path path) {
        return Files.isDirectory(path) && Files.isRegularFile(path.resolve(CONFIG_FILE));
    }

    static ModelSource open(Path folder, TokenizerResolver tokenizers) throws IOException {
        ConfigJson fields = new ConfigJson(readConfig(folder.resolve(CONFIG_FILE)));
        ModelConfig config = config(fields);
        SafetensorsFolder store = SafetensorsFolder.open(folder);
        try {
            Tokenizer tokenizer = tokenizers.forFolder(folder);
            int eos = fields.tokenId("eos_token_id").orElse(tokenizer.eosToken());
            int bos = fields.tokenId("bos_token_id").orElse(ModelSource.bosOrEos(tokenizer.bosToken(), eos));
            return new ModelSource(folder.getFileName().toString(), folder, config, tokenizer, bos, eos,
                    store, TensorNaming.HUGGING_FACE, fields.bool("tie_word_embeddings", false));
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static JsonNode readConfig(Path file) throws IOException {
        try {
            JsonNode json = JSON.readTree(Files.readAllBytes(file));
            if (json == null || !json.isObject()) {
                throw new ModelLoadException(file + " must hold a JSON object");
            }
            return json;
        } catch (JacksonException e) {
            throw new ModelLoadException(file + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static ModelConfig config(ConfigJson json) {
        Architecture architecture = Architecture.of(json.string("model_type"), CONFIG_FILE + " model_type");
        refuseUnsupported(json, architecture);
        int hidden = json.integer("hidden_size");
        int heads = json.integer("num_attention_heads");
        int headDim = json.optionalInteger("head_dim").orElse(hidden / heads);
        int ropeDims = (int) Math.round(headDim * json.number("partial_rotary_factor", 1.0));
        JsonNode ropeParameters = json.node("rope_parameters");
        double ropeTheta = ropeParameters.isObject() && ropeParameters.has("rope_theta")
                ? ropeParameters.get("rope_theta").doubleValue() : json.number("rope_theta", 10_000);
        int contextLength = json.integer("max_position_embeddings");
        return new ModelConfig(
                architecture,
                hidden,
                json.integer("num_hidden_layers"),
                heads,
                json.optionalInteger("num_key_value_heads").orElse(heads),
                headDim,
                json.integer("intermediate_size"),
                contextLength,
                json.integer("vocab_size"),
                (float) json.number("rms_norm_eps", Double.NaN),
                (float) ropeTheta,
                ropeDims,
                RopeLayout.NEOX,
                HuggingFaceRopeScaling.read(json, contextLength));
    }

    /** Options that change the maths; silently ignoring any of them would give wrong logits. */
    private static void refuseUnsupported(ConfigJson json, Architecture architecture) {
        String activation = json.optionalString("hidden_act").orElse("silu");
        if (!activation.equals("silu")) {
            throw new ModelLoadException(CONFIG_FILE + " hidden_act '" + activation + "' is not supported"
                    + " (supported: silu)");
        }
        if (!architecture.qkvBias() && json.bool("attention_bias", false)) {
            throw new ModelLoadException(CONFIG_FILE + " attention_bias = true is not supported for "
                    + architecture.id());
        }
        if (json.bool("mlp_bias", false)) {
            throw new ModelLoadException(CONFIG_FILE + " mlp_bias = true is not supported");
        }
    }
}
