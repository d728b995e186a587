package io.reasoner.engine.gguf;

import java.util.List;
import java.util.Objects;

/**
 * Everything before the tensor data: version, metadata and tensor table.
 *
 * @param dataOffset absolute file offset of the data section (tensor offsets are relative to it)
 * @param alignment  alignment of the data section and of every tensor, in bytes ({@code general.alignment},
 *                   32 when absent)
 */
public record GgufHeader(int version, GgufMetadata metadata, List<GgufTensorInfo> tensors, long dataOffset,
                         int alignment) {

    public GgufHeader {
        if (version < 2 || version > 3) {
            throw new IllegalArgumentException("version must be in [2, 3], was " + version);
        }
        Objects.requireNonNull(metadata, "metadata");
        tensors = List.copyOf(tensors);
        if (dataOffset < 0) {
            throw new IllegalArgumentException("dataOffset must be >= 0, was " + dataOffset);
        }
        if (alignment < 1 || Integer.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("alignment must be a power of two, was " + alignment);
        }
    }
}
