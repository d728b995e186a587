package io.reasoner.engine.model;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How {@link ModelLoader} loads a model.
 *
 * @param device     {@code cpu}, {@code gpu} (the first GPU) or {@code gpu:N}
 * @param dtype      the compute type; see {@link ComputeDtype#AUTO} for the default's rule
 * @param tokenizers tokenizer providers tried before those registered through {@link java.util.ServiceLoader} and
 *                   the built-in ones (see {@link TokenizerProvider})
 * @param profiler   collects time per part of every forward pass (benchmarks), or null for none
 * @param matmulOrder the operand order of the weight products on a CPU; {@link MatmulOrder#MEASURED} by default
 */
public record LoadOptions(String device, ComputeDtype dtype, List<TokenizerProvider> tokenizers,
                          ForwardProfiler profiler, MatmulOrder matmulOrder) {

    private static final Pattern DEVICE = Pattern.compile("cpu|gpu(:\\d{1,3})?");

    public LoadOptions {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(matmulOrder, "matmulOrder");
        if (!DEVICE.matcher(device).matches()) {
            throw new IllegalArgumentException("device must be cpu, gpu or gpu:N, was '" + device + "'");
        }
        tokenizers = List.copyOf(tokenizers);
    }

    /** Without a profiler, products in the measured order. */
    public LoadOptions(String device, ComputeDtype dtype, List<TokenizerProvider> tokenizers) {
        this(device, dtype, tokenizers, null, MatmulOrder.MEASURED);
    }

    /** CPU, {@link ComputeDtype#AUTO} (hence F32), no extra tokenizer providers, no profiler. */
    public static LoadOptions defaults() {
        return new LoadOptions("cpu", ComputeDtype.AUTO, List.of());
    }

    public LoadOptions withDevice(String newDevice) {
        return new LoadOptions(newDevice, dtype, tokenizers, profiler, matmulOrder);
    }

    public LoadOptions withDtype(ComputeDtype newDtype) {
        return new LoadOptions(device, newDtype, tokenizers, profiler, matmulOrder);
    }

    public LoadOptions withTokenizers(TokenizerProvider... providers) {
        return new LoadOptions(device, dtype, List.of(providers), profiler, matmulOrder);
    }

    public LoadOptions withProfiler(ForwardProfiler newProfiler) {
        return new LoadOptions(device, dtype, tokenizers, Objects.requireNonNull(newProfiler, "newProfiler"),
                matmulOrder);
    }

    public LoadOptions withMatmulOrder(MatmulOrder newOrder) {
        return new LoadOptions(device, dtype, tokenizers, profiler, newOrder);
    }

    boolean onGpu() {
        return device.startsWith("gpu");
    }

    /** The GPU index; 0 for a bare {@code gpu}. */
    int gpuIndex() {
        return device.startsWith("gpu:") ? Integer.parseInt(device.substring(4)) : 0;
    }
}
