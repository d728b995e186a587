package io.reasoner.engine.model;

/** Appending would take a sequence past the capacity of its KV cache (itself at most the model's context). */
public final class SequenceCapacityException extends RuntimeException {

    private final int length;
    private final int capacity;
    private final int requested;

    public SequenceCapacityException(int length, int capacity, int requested) {
        super("cannot append " + requested + " token(s) to a sequence holding " + length + " of at most "
                + capacity + " tokens");
        this.length = length;
        this.capacity = capacity;
        this.requested = requested;
    }

    public int length() {
        return length;
    }

    public int capacity() {
        return capacity;
    }

    public int requested() {
        return requested;
    }
}
