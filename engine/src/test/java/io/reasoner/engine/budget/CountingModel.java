package io.reasoner.engine.budget;

import io.reasoner.engine.model.LanguageModel;
import io.reasoner.engine.model.ModelInfo;
import io.reasoner.engine.model.Sequence;
import io.reasoner.engine.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Wraps a real (or scripted) model and records every call on its sequences, so tests can count forward passes. */
final class CountingModel implements LanguageModel {

    private final LanguageModel delegate;
    private final List<String> calls = new ArrayList<>();

    CountingModel(LanguageModel delegate) {
        this.delegate = delegate;
    }

    /** Every call since the last {@link #clearCalls()}: {@code prefill[1, 29]}, {@code step 7}, {@code truncate 4}. */
    List<String> calls() {
        return calls;
    }

    void clearCalls() {
        calls.clear();
    }

    @Override
    public ModelInfo info() {
        return delegate.info();
    }

    @Override
    public Tokenizer tokenizer() {
        return delegate.tokenizer();
    }

    @Override
    public Sequence newSequence(int maxTokens) {
        Sequence sequence = delegate.newSequence(maxTokens);
        return new Sequence() {
            @Override
            public float[] prefill(int[] tokens) {
                calls.add("prefill" + Arrays.toString(tokens));
                return sequence.prefill(tokens);
            }

            @Override
            public float[] step(int token) {
                calls.add("step " + token);
                return sequence.step(token);
            }

            @Override
            public void truncate(int newLength) {
                calls.add("truncate " + newLength);
                sequence.truncate(newLength);
            }

            @Override
            public int length() {
                return sequence.length();
            }

            @Override
            public int capacity() {
                return sequence.capacity();
            }

            @Override
            public void close() {
                sequence.close();
            }
        };
    }

    @Override
    public void close() {
    }
}
