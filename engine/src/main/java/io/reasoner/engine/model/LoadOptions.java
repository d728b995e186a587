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
 */
public record LoadOptions(String device, ComputeDtype dtype, List<TokenizerProvider> tokenizers,
                          ForwardProfiler profiler) {

    private static final Pattern DEVICE = Pattern.compile("cpu|gpu(:\\d{1,3})?");

    public LoadOptions {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(dtype, "dtype");
        if (!DEVICE.matcher(device).matches()) {
            throw new IllegalArgumentException("device must be cpu, gpu or gpu:N, was '" + device + "'");
        }
        tokenizers = List.copyOf(tokenizers);
    }

    /** Without a profiler. */
    public LoadOptions(String device, ComputeDtype dtype, List<TokenizerProvider> tokenizers) {
        this(device, dtype, tokenizers, null);
    }

    /** CPU, {@link ComputeDtype#AUTO} (hence F32), no extra tokenizer providers, no profiler. */
    public static LoadOptions defaults() {
        return new LoadOptions("cpu", ComputeDtype.AUTO, List.of());
    }

    public LoadOptions withDevice(String newDevice) {
        return new LoadOptions(newDevice, dtype, tokenizers, profiler);
    }

    public LoadOptions withDtype(ComputeDtype newDtype) {
        return new LoadOptions(device, newDtype, tokenizers, profiler);
    }

    public LoadOptions withTokenizers(TokenizerProvider... providers) {
        return new LoadOptions(device, dtype, List.of(providers), profiler);
    }

    public LoadOptions withProfiler(ForwardProfiler newProfiler) {
        return new LoadOptions(device, dtype, tokenizers, Objects.requireNonNull(newProfiler, "newProfiler"));
    }

    boolean onGpu() {
        return device.startsWith("gpu");
    }

    /** The GPU index; 0 for a bare {@code gpu}. */
    int gpuIndex() {
        return device.startsWith("gpu:") ? Integer.parseInt(device.substring(4)) : 0;
    }
}
