package io.reasoner.engine.gguf;

import java.nio.ByteBuffer;

/**
 * Decodes the raw bytes of one tensor type to floats. One implementation per {@link GgmlType}; see
 * {@link TensorDecoders} for the registry.
 */
interface TensorDecoder {

    /**
     * @param source little-endian bytes of exactly {@code target.length} elements, positioned at the first one
     * @param target filled with the decoded values
     */
    void decode(ByteBuffer source, float[] target);
}
