package io.reasoner.engine.model;

import java.util.OptionalDouble;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code config.json}'s RoPE scaling: the {@code rope_scaling} object, or transformers 5's
 * {@code rope_parameters}, typed by {@code rope_type} (older files say {@code type}). Parameters follow
 * transformers' {@code modeling_rope_utils}; an unknown type is refused, since running it unscaled would give
 * wrong logits without a sign.
 */
final class HuggingFaceRopeScaling {

    private static final String CONFIG_FILE = HuggingFaceModelFormat.CONFIG_FILE;
    private static final String SUPPORTED = "default, linear, llama3, yarn";

    private HuggingFaceRopeScaling() {
    }

    /** @param contextLength {@code max_position_embeddings}, YaRN's original context when it names none */
    static RopeScaling read(ConfigJson json, int contextLength) {
        for (String key : new String[] {"rope_scaling", "rope_parameters"}) {
            JsonNode node = json.node(key);
            if (node.isObject()) {
                String type = node.path("rope_type").stringValue(node.path("type").stringValue("default"));
                if (!type.equals("default")) {
                    return of(type, new Fields(key, node), contextLength);
                }
            }
        }
        return RopeScaling.none();
    }

    private static RopeScaling of(String type, Fields fields, int contextLength) {
        try {
            return switch (type) {
                case "linear" -> new RopeScaling.Linear(fields.number("factor"));
                case "llama3" -> new RopeScaling.Llama3(fields.number("factor"), fields.number("low_freq_factor"),
                        fields.number("high_freq_factor"), fields.integer("original_max_position_embeddings"));
                case "yarn" -> yarn(fields, contextLength);
                default -> throw new ModelLoadException(CONFIG_FILE + " RoPE scaling '" + type
                        + "' is not supported (supported: " + SUPPORTED + ")");
            };
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(CONFIG_FILE + " " + fields.key + " (" + type + "): " + e.getMessage());
        }
    }

    /**
     * transformers' {@code _compute_yarn_parameters}, with one deliberate difference: some transformers versions
     * replace {@code factor} by {@code max_position_embeddings / original_max_position_embeddings} when the
     * latter is given, which turns Qwen2.5's published YaRN config (both 32768) into no scaling at all; the
     * configured {@code factor} is used here, as llama.cpp and vLLM do and as the model cards intend.
     */
    private static RopeScaling yarn(Fields fields, int contextLength) {
        double factor = fields.number("factor");
        double attention = fields.optionalNumber("attention_factor").orElseGet(() -> {
            OptionalDouble mscale = fields.optionalNumber("mscale");
            OptionalDouble mscaleAllDim = fields.optionalNumber("mscale_all_dim");
            if (mscale.isPresent() && mscale.getAsDouble() != 0
                    && mscaleAllDim.isPresent() && mscaleAllDim.getAsDouble() != 0) {
                return mscaleOf(factor, mscale.getAsDouble()) / mscaleOf(factor, mscaleAllDim.getAsDouble());
            }
            return RopeScaling.Yarn.defaultAttentionFactor(factor);
        });
        return new RopeScaling.Yarn(factor,
                fields.optionalInteger("original_max_position_embeddings", contextLength),
                fields.optionalNumber("beta_fast").orElse(RopeScaling.Yarn.DEFAULT_BETA_FAST),
                fields.optionalNumber("beta_slow").orElse(RopeScaling.Yarn.DEFAULT_BETA_SLOW),
                attention,
                fields.bool("truncate", true));
    }

    /** DeepSeek's generalisation of the attention factor: {@code 0.1 mscale ln(factor) + 1}. */
    private static double mscaleOf(double factor, double mscale) {
        return factor <= 1 ? 1 : 0.1 * mscale * Math.log(factor) + 1;
    }

    /** Typed reads of the scaling object, whose errors name {@code <object>.<key>}. */
    private record Fields(String key, JsonNode node) {

        double number(String name) {
            return optionalNumber(name).orElseThrow(() -> new ModelLoadException(CONFIG_FILE + " must set "
                    + key + "." + name + " to a number"));
        }

        OptionalDouble optionalNumber(String name) {
            JsonNode value = node.path(name);
            if (value.isMissingNode() || value.isNull()) {
                return OptionalDouble.empty();
            }
            if (!value.isNumber()) {
                throw new ModelLoadException(CONFIG_FILE + " " + key + "." + name + " must be a number, was "
                        + value);
            }
            return OptionalDouble.of(value.doubleValue());
        }

        int integer(String name) {
            if (node.path(name).isMissingNode() || node.path(name).isNull()) {
                throw new ModelLoadException(CONFIG_FILE + " must set " + key + "." + name + " to an integer");
            }
            return optionalInteger(name, 0);
        }

        int optionalInteger(String name, int fallback) {
            JsonNode value = node.path(name);
            if (value.isMissingNode() || value.isNull()) {
                return fallback;
            }
            // Some configs write whole numbers as floats (8192.0).
            if (!value.isNumber() || value.doubleValue() != Math.rint(value.doubleValue())
                    || Math.abs(value.doubleValue()) > Integer.MAX_VALUE) {
                throw new ModelLoadException(CONFIG_FILE + " " + key + "." + name + " must be an integer, was "
                        + value);
            }
            return (int) value.doubleValue();
        }

        boolean bool(String name, boolean fallback) {
            JsonNode value = node.path(name);
            if (value.isMissingNode() || value.isNull()) {
                return fallback;
            }
            if (!value.isBoolean()) {
                throw new ModelLoadException(CONFIG_FILE + " " + key + "." + name + " must be a boolean, was "
                        + value);
            }
            return value.booleanValue();
        }
    }
}
