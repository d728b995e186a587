package io.reasoner.engine.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.reasoner.engine.weights.LoadReport;
import io.reasoner.engine.weights.StoredTensor;
import io.reasoner.engine.weights.TensorStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a model into memory, ready to decode: a GGUF file, or a Hugging Face model folder ({@code config.json}
 * and {@code *.safetensors}). Supported families: llama, qwen2, qwen3; weights stored as F32, F16, BF16, or (GGUF)
 * Q8_0, all converted at load to the compute dtype, which is logged and reported ({@link LanguageModel#loadReport}).
 */
public final class ModelLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ModelLoader.class);

    private ModelLoader() {
    }

    /** {@link #load(Path, LoadOptions)} with {@link LoadOptions#defaults()}: CPU, F32. */
    public static LanguageModel load(Path model) throws IOException {
        return load(model, LoadOptions.defaults());
    }

    /**
     * Reads the whole model: hyper-parameters and tokenizer from metadata, weights copied into native memory on
     * the chosen device. The files are closed before returning.
     *
     * @param model a {@code .gguf} file or a folder holding {@code config.json}
     * @throws io.reasoner.engine.gguf.GgufFormatException                  if a GGUF file is malformed
     * @throws io.reasoner.engine.weights.SafetensorsFormatException        if a safetensors file is malformed
     * @throws ModelLoadException                                           if it is not a model this engine can
     *                                                                      run, or the device is missing
     * @throws io.reasoner.engine.tokenizer.UnsupportedTokenizerException   if no built-in or provided tokenizer
     *                                                                      handles it (see {@link TokenizerProvider})
     */
    public static LanguageModel load(Path model, LoadOptions options) throws IOException {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(options, "options");
        TorchRuntime.prepare(); // before a tokenizer or anything else can load the native libraries
        TokenizerResolver tokenizers = new TokenizerResolver(options.tokenizers());
        try (ModelSource source = open(model, tokenizers)) {
            try {
                return build(source, options);
            } catch (IOException | RuntimeException e) {
                // On success the model owns a closeable tokenizer; on failure nobody else will close it.
                if (source.tokenizer() instanceof AutoCloseable closeable) {
                    try {
                        closeable.close();
                    } catch (Exception suppressed) {
                        e.addSuppressed(suppressed);
                    }
                }
                throw e;
            }
        }
    }

    private static ModelSource open(Path model, TokenizerResolver tokenizers) throws IOException {
        if (!Files.isDirectory(model)) {
            return GgufModelFormat.open(model, tokenizers);
        }
        if (!HuggingFaceModelFormat.isModelFolder(model)) {
            throw new ModelLoadException(model + " is a folder without " + HuggingFaceModelFormat.CONFIG_FILE
                    + "; expected a .gguf file or a Hugging Face model folder");
        }
        return HuggingFaceModelFormat.open(model, tokenizers);
    }

    private static LanguageModel build(ModelSource source, LoadOptions options) throws IOException {
        ModelConfig config = source.config();
        if (source.tokenizer().vocabSize() > config.vocabSize()) {
            throw new ModelLoadException("the tokenizer has " + source.tokenizer().vocabSize()
                    + " tokens but the embedding only " + config.vocabSize() + " rows");
        }
        ModelInfo info = source.info();
        DataType dtype = computeType(options, source.store());
        long parameters = source.store().tensors().stream().mapToLong(StoredTensor::elementCount).sum();
        NDManager manager = TorchRuntime.newManager(parameters, options);
        try {
            WeightLoader.Loaded loaded = WeightLoader.load(source, manager, dtype);
            Projection projection = Projection.of(options.matmulOrder(), manager,
                    TransformerForward.matrices(loaded.weights()), dtype);
            TransformerForward forward = new TransformerForward(config, loaded.weights(), dtype, manager,
                    options.profiler(), projection);
            LoadReport report = new LoadReport(source.location().toString(), source.store().format(),
                    manager.getDevice().toString(), dtypeName(dtype), loaded.storedByDtype(), loaded.bytesInMemory(),
                    projection.describe());
            log(info, report);
            return new TransformerModel(info, source.tokenizer(), config, forward, manager, report);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Resolves {@link ComputeDtype#AUTO}: F32 on a CPU; on a GPU, F16 if every matrix is stored F16, else F32. */
    static DataType computeType(LoadOptions options, TensorStore store) {
        return switch (options.dtype()) {
            case F32 -> DataType.FLOAT32;
            case F16 -> DataType.FLOAT16;
            case AUTO -> {
                if (!options.onGpu()) {
                    yield DataType.FLOAT32;
                }
                Set<String> matrixTypes = store.tensors().stream().filter(tensor -> tensor.shape().length >= 2)
                        .map(StoredTensor::dtype).collect(Collectors.toSet());
                if (matrixTypes.equals(Set.of("F16"))) {
                    yield DataType.FLOAT16;
                }
                if (matrixTypes.contains("BF16")) {
                    LOG.warn("weights are stored as BF16, which DJL 0.36 cannot hold; computing in F32 on {}"
                            + " (F16 would halve memory but can overflow where BF16 does not)", options.device());
                }
                yield DataType.FLOAT32;
            }
        };
    }

    private static String dtypeName(DataType dtype) {
        return dtype == DataType.FLOAT16 ? "F16" : "F32";
    }

    private static void log(ModelInfo info, LoadReport report) {
        String converted = report.storedByDtype().keySet().stream()
                .filter(type -> !type.equals(report.computeDtype())).collect(Collectors.joining(", "));
        if (converted.isEmpty()) {
            LOG.info("loaded {} ({}): {}", info.name(), info.architecture(), report.summary());
        } else {
            LOG.info("loaded {} ({}), dequantizing/converting {} to {} at load since the forward pass runs dense"
                    + " {} matmuls: {}", info.name(), info.architecture(), converted, report.computeDtype(),
                    report.computeDtype(), report.summary());
        }
    }
}
