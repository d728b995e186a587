package io.reasoner.engine.gguf;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The tensor types this engine can decode; another type is one decoder and one line here. */
final class TensorDecoders {

    private static final Map<GgmlType, TensorDecoder> DECODERS = new EnumMap<>(GgmlType.class);

    static {
        DECODERS.put(GgmlType.F32, (source, target) -> source.asFloatBuffer().get(target));
        DECODERS.put(GgmlType.F16, new F16Decoder());
        DECODERS.put(GgmlType.BF16, new Bf16Decoder());
        DECODERS.put(GgmlType.Q8_0, new Q8_0Decoder());
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
