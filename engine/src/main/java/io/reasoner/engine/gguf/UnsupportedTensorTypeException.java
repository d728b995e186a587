package io.reasoner.engine.gguf;

/**
 * The tensor's type is a known GGML type, but this engine has no decoder for it yet (e.g. a K-quant).
 * Thrown when the tensor is read, not when the file is opened, so metadata of any file can still be inspected.
 */
public final class UnsupportedTensorTypeException extends GgufFormatException {

    public UnsupportedTensorTypeException(String tensorName, GgmlType type, String supported) {
        super("tensor '" + tensorName + "' has type " + type
                + ", which this engine cannot decode (supported: " + supported + ")");
    }
}
