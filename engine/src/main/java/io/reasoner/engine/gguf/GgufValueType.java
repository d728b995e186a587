package io.reasoner.engine.gguf;

/** Metadata value types, numbered as in the GGUF specification. */
public enum GgufValueType {
    UINT8(0), INT8(1), UINT16(2), INT16(3), UINT32(4), INT32(5), FLOAT32(6), BOOL(7),
    STRING(8), ARRAY(9), UINT64(10), INT64(11), FLOAT64(12);

    private final int id;

    GgufValueType(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    static GgufValueType fromId(int id) {
        for (GgufValueType type : values()) {
            if (type.id == id) {
                return type;
            }
        }
        throw new GgufFormatException("unknown metadata value type " + id + " (known: 0..12)");
    }
}
