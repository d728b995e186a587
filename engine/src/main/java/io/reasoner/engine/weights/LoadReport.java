package io.reasoner.engine.weights;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What loading a model's weights cost: the bytes the file stores per storage type against the bytes held for
 * compute. The two differ when the engine widens the storage type at load (Q8_0 to F32 is ~3.8x, BF16 or F16 to
 * F32 is 2x), which is the price of computing with dense float matmuls instead of quantized kernels.
 *
 * @param source        the file or folder loaded
 * @param format        {@code GGUF} or {@code safetensors}
 * @param device        where the weights live, e.g. {@code cpu()} or {@code gpu(0)}
 * @param computeDtype  the type the weights were converted to, e.g. {@code F32}
 * @param storedByDtype tensors read and their bytes in the file, per storage type, in first-seen order
 * @param bytesInMemory bytes of the weight arrays as held for compute (a tied output head counted once)
 * @param matmulOrder   the operand order the weight products take, in words (e.g. {@code direct})
 */
public record LoadReport(String source, String format, String device, String computeDtype,
                         Map<String, Stored> storedByDtype, long bytesInMemory, String matmulOrder) {

    /** Tensors of one storage type and the bytes they take in the file. */
    public record Stored(int tensors, long bytes) {

        public Stored {
            if (tensors < 1) {
                throw new IllegalArgumentException("tensors must be >= 1, was " + tensors);
            }
            if (bytes < 0) {
                throw new IllegalArgumentException("bytes must be >= 0, was " + bytes);
            }
        }
    }

    public LoadReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(computeDtype, "computeDtype");
        Objects.requireNonNull(matmulOrder, "matmulOrder");
        storedByDtype = Collections.unmodifiableMap(new LinkedHashMap<>(storedByDtype));
        if (bytesInMemory < 0) {
            throw new IllegalArgumentException("bytesInMemory must be >= 0, was " + bytesInMemory);
        }
    }

    public long bytesOnDisk() {
        return storedByDtype.values().stream().mapToLong(Stored::bytes).sum();
    }

    public int tensorCount() {
        return storedByDtype.values().stream().mapToInt(Stored::tensors).sum();
    }

    /** Tensors whose storage type differs from the compute dtype, so were dequantized or converted at load. */
    public int convertedTensorCount() {
        return storedByDtype.entrySet().stream().filter(entry -> !entry.getKey().equals(computeDtype))
                .mapToInt(entry -> entry.getValue().tensors()).sum();
    }

    /** In-memory bytes per on-disk byte; above 1 when storage types were widened. */
    public double expansion() {
        long disk = bytesOnDisk();
        return disk == 0 ? 1 : (double) bytesInMemory / disk;
    }

    /**
     * One line for logs and the CLI, e.g. {@code 21 tensors from GGUF: 1.1 MiB on disk (Q8_0: 14 tensors 1.0 MiB,
     * F32: 7 tensors 96.0 KiB) -> 4.0 MiB in memory as F32 on cpu() (3.64x); 14 tensors converted to F32;
     * matmul order direct}.
     */
    public String summary() {
        String perType = storedByDtype.entrySet().stream()
                .map(entry -> entry.getKey() + ": " + entry.getValue().tensors() + " tensors "
                        + formatBytes(entry.getValue().bytes()))
                .collect(Collectors.joining(", "));
        int converted = convertedTensorCount();
        return String.format(Locale.ROOT,
                "%d tensors from %s: %s on disk (%s) -> %s in memory as %s on %s (%.2fx)%s; matmul order %s",
                tensorCount(), format, formatBytes(bytesOnDisk()), perType, formatBytes(bytesInMemory), computeDtype,
                device, expansion(), converted == 0 ? "" : "; " + converted + " tensors converted to " + computeDtype,
                matmulOrder);
    }

    static String formatBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}
