package io.reasoner.engine.model;

import io.reasoner.engine.gguf.GgmlType;
import io.reasoner.engine.gguf.GgufFile;
import io.reasoner.engine.gguf.GgufMetadata;
import io.reasoner.engine.gguf.GgufTensorInfo;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads a GGUF file's RoPE scaling the way llama.cpp does: Llama 3.1-style scaling as the tensor
 * {@code rope_freqs.weight} (per-pair divisors of the inverse frequencies, written by the converter), linear and
 * YaRN scaling from the {@code <arch>.rope.scaling.*} keys. What llama.cpp would apply but this engine does not
 * implement (DeepSeek's YaRN log multiplier, extra attention factors, a partial YaRN ramp) is refused by name.
 */
final class GgufRopeScaling {

    static final String FREQUENCY_FACTORS = "rope_freqs.weight";
    private static final String SUPPORTED = "none, linear, yarn";

    private GgufRopeScaling() {
    }

    /**
     * @param dimensions    rotated dims per head ({@code rope.dimension_count})
     * @param contextLength {@code context_length}, YaRN's original context when the file names none
     */
    static RopeScaling read(GgufFile file, Architecture architecture, int dimensions, int contextLength)
            throws IOException {
        String prefix = architecture.id() + ".rope.scaling.";
        GgufMetadata metadata = file.metadata();
        Optional<String> type = metadata.findString(prefix + "type");
        Optional<GgufTensorInfo> factors = file.findTensor(FREQUENCY_FACTORS);
        if (factors.isPresent()) {
            if (type.isPresent() && !type.get().equals("none")) {
                throw new ModelLoadException("RoPE frequency factors (tensor '" + FREQUENCY_FACTORS + "') together"
                        + " with " + prefix + "type '" + type.get() + "' are not supported");
            }
            return new RopeScaling.FrequencyFactors(frequencyFactors(file, factors.get(), dimensions));
        }
        // llama.cpp reads a file without a type as linear, and applies the factor under 'none' too.
        String kind = type.orElse("linear");
        return switch (kind) {
            case "none", "linear" -> linearFactor(metadata, architecture)
                    .<RopeScaling>map(factor -> new RopeScaling.Linear(factor))
                    .orElse(RopeScaling.none());
            case "yarn" -> yarn(metadata, prefix, contextLength);
            default -> throw new ModelLoadException(prefix + "type '" + kind + "' is not supported (supported: "
                    + SUPPORTED + ", and Llama 3.1 scaling as tensor '" + FREQUENCY_FACTORS + "')");
        };
    }

    private static float[] frequencyFactors(GgufFile file, GgufTensorInfo tensor, int dimensions) throws IOException {
        if (tensor.type() != GgmlType.F32 || tensor.elementCount() != dimensions / 2) {
            throw new ModelLoadException("tensor '" + FREQUENCY_FACTORS + "' must hold " + dimensions / 2
                    + " F32 values, one per rotated pair, was " + tensor);
        }
        return file.readFloats(tensor);
    }

    /** {@code rope.scaling.factor}, or the older {@code rope.scale_linear}; absent, 0 or 1 mean none. */
    private static Optional<Double> linearFactor(GgufMetadata metadata, Architecture architecture) {
        String prefix = architecture.id() + ".rope.";
        return metadata.findFloat(prefix + "scaling.factor")
                .or(() -> metadata.findFloat(prefix + "scale_linear"))
                .filter(factor -> factor != 0 && factor != 1)
                .map(Float::doubleValue);
    }

    private static RopeScaling yarn(GgufMetadata metadata, String prefix, int contextLength) {
        double factor = metadata.findFloat(prefix + "factor").orElseThrow(() -> new ModelLoadException(
                prefix + "type 'yarn' needs " + prefix + "factor"));
        requireDefault(metadata, prefix + "yarn_ext_factor", 1);
        requireDefault(metadata, prefix + "yarn_attn_factor", 1);
        requireDefault(metadata, prefix + "attn_factor", 1);
        requireDefault(metadata, prefix + "yarn_log_multiplier", 0);
        try {
            return new RopeScaling.Yarn(factor,
                    metadata.findInt(prefix + "original_context_length").orElse(contextLength),
                    metadata.findFloat(prefix + "yarn_beta_fast").map(Float::doubleValue)
                            .orElse(RopeScaling.Yarn.DEFAULT_BETA_FAST),
                    metadata.findFloat(prefix + "yarn_beta_slow").map(Float::doubleValue)
                            .orElse(RopeScaling.Yarn.DEFAULT_BETA_SLOW),
                    RopeScaling.Yarn.defaultAttentionFactor(factor),
                    true);
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(prefix + "* (yarn): " + e.getMessage());
        }
    }

    private static void requireDefault(GgufMetadata metadata, String key, float neutral) {
        metadata.findFloat(key).filter(value -> value != neutral).ifPresent(value -> {
            throw new ModelLoadException(key + " = " + value + " is not supported (only " + neutral + ")");
        });
    }
}
