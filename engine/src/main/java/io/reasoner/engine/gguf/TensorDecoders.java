package io.reasoner.engine.gguf;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The tensor types this engine can decode. BF16 or Q8_0 support is one decoder and one line here. */
final class TensorDecoders {

    private static final Map<GgmlType, TensorDecoder> DECODERS = new EnumMap<>(GgmlType.class);

    static {
        DECODERS.put(GgmlType.F32, (source, target) -> source.asFloatBuffer().get(target));
        DECODERS.put(GgmlType.F16, new F16Decoder());
    }

    private TensorDecoders() {
    }

    static Optional<TensorDecoder> forType(GgmlType type) {
        return Optional.ofNullable(DECODERS.get(type));
    }

    static String supportedTypes() {
        return DECODERS.keySet().toString().replaceAll("[\\[\\]]", "");
    }
}
