package io.reasoner.engine.batch;

/** Names a sequence in one {@link BatchDecoder}; ids are never reused within a decoder. */
public record SequenceId(long value) {

    public SequenceId {
        if (value < 1) {
            throw new IllegalArgumentException("value must be >= 1, was " + value);
        }
    }

    @Override
    public String toString() {
        return "seq-" + value;
    }
}
