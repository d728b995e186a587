package io.reasoner.engine.budget;

import io.reasoner.engine.model.LanguageModel;
import io.reasoner.engine.model.ModelInfo;
import io.reasoner.engine.model.Sequence;
import io.reasoner.engine.model.SequenceCapacityException;
import io.reasoner.engine.tokenizer.Tokenizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A model whose forward passes return scripted logits, one script entry per pass, in order: each entry ranks a few
 * tokens (first highest), everything else scoring 0. It records every call on its sequence and what the sequence
 * holds, so tests can check what was fed, in how many passes, and what was rolled back.
 */
final class ScriptedModel implements LanguageModel {

    private final int contextLength;
    private final FakeTokenizer tokenizer = new FakeTokenizer();
    private final Deque<float[]> script = new ArrayDeque<>();
    private final List<String> calls = new ArrayList<>();
    private final List<Integer> contents = new ArrayList<>();
    private final Map<List<Integer>, float[]> passesByContents = new HashMap<>();
    private boolean deterministic;
    private boolean fromMemory;
    private boolean truncates = true;
    private int lastCapacity;

    ScriptedModel(int contextLength) {
        this.contextLength = contextLength;
    }

    ScriptedModel() {
        this(256);
    }

    /** Appends forward passes that each rank just one token first. */
    ScriptedModel then(int... tokens) {
        for (int token : tokens) {
            ranking(token);
        }
        return this;
    }

    /** Appends one forward pass ranking {@code tokens}, the first highest, so a mask on it falls to the next. */
    ScriptedModel ranking(int... tokens) {
        float[] logits = new float[FakeTokenizer.VOCAB_SIZE];
        for (int i = 0; i < tokens.length; i++) {
            logits[tokens[i]] = 10 - i;
        }
        script.add(logits);
        return this;
    }

    /**
     * Makes the model behave as a real one: every pass's logits must be a function of what the sequence holds
     * (a script giving other logits for contents seen before fails), and are remembered by contents for
     * {@link #answerFromMemory()}.
     */
    ScriptedModel deterministic() {
        deterministic = true;
        return this;
    }

    /**
     * From now on every pass returns what the script gave for the same contents, however many passes it takes to
     * get there (a resumed run prefills what the first run stepped through); contents the script never reached fail.
     */
    void answerFromMemory() {
        if (!deterministic) {
            throw new IllegalStateException("only a deterministic() model remembers its passes");
        }
        fromMemory = true;
    }

    ScriptedModel withoutTruncate() {
        truncates = false;
        return this;
    }

    /** Every call on the sequences, e.g. {@code prefill[1, 29]}, {@code step 7}, {@code truncate 4}. */
    List<String> calls() {
        return calls;
    }

    /** What the last sequence held when it was closed (or holds now). */
    List<Integer> contents() {
        return contents;
    }

    int lastCapacity() {
        return lastCapacity;
    }

    int unusedPasses() {
        return script.size();
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo("scripted", "test", contextLength, FakeTokenizer.VOCAB_SIZE, FakeTokenizer.BOS,
                FakeTokenizer.EOS);
    }

    @Override
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public Sequence newSequence(int maxTokens) {
        if (maxTokens < 1 || maxTokens > contextLength) {
            throw new IllegalArgumentException("maxTokens must be in [1, " + contextLength + "], was " + maxTokens);
        }
        lastCapacity = maxTokens;
        contents.clear();
        return truncates ? new ScriptedSequence(maxTokens) : new NonTruncatingSequence(new ScriptedSequence(maxTokens));
    }

    @Override
    public void close() {
    }

    private float[] nextPass() {
        if (script.isEmpty()) {
            throw new AssertionError("script exhausted after calls " + calls);
        }
        return script.poll().clone();
    }

    private final class ScriptedSequence implements Sequence {
        private final int capacity;

        ScriptedSequence(int capacity) {
            this.capacity = capacity;
        }

        @Override
        public float[] prefill(int[] tokens) {
            if (tokens.length > capacity - contents.size()) {
                throw new SequenceCapacityException(contents.size(), capacity, tokens.length);
            }
            calls.add("prefill" + Arrays.toString(tokens));
            return append(tokens);
        }

        @Override
        public float[] step(int token) {
            if (contents.size() == capacity) {
                throw new SequenceCapacityException(contents.size(), capacity, 1);
            }
            calls.add("step " + token);
            return append(new int[] {token});
        }

        private float[] append(int[] tokens) {
            for (int token : tokens) {
                contents.add(token);
            }
            List<Integer> key = List.copyOf(contents);
            if (fromMemory) {
                float[] logits = passesByContents.get(key);
                if (logits == null) {
                    throw new AssertionError("the script never reached contents " + key);
                }
                return logits.clone();
            }
            float[] logits = nextPass();
            if (deterministic) {
                float[] earlier = passesByContents.put(key, logits.clone());
                if (earlier != null && !Arrays.equals(earlier, logits)) {
                    throw new AssertionError("the script gives other logits for contents seen before: " + key);
                }
            }
            return logits;
        }

        @Override
        public void truncate(int newLength) {
            if (newLength < 0 || newLength > contents.size()) {
                throw new IllegalArgumentException("newLength must be in [0, " + contents.size() + "], was "
                        + newLength);
            }
            calls.add("truncate " + newLength);
            contents.subList(newLength, contents.size()).clear();
        }

        @Override
        public int length() {
            return contents.size();
        }

        @Override
        public int capacity() {
            return capacity;
        }

        @Override
        public void close() {
        }
    }

    /** A sequence that keeps the interface's default truncate, as the real model's may until it is implemented. */
    private static final class NonTruncatingSequence implements Sequence {
        private final Sequence delegate;

        NonTruncatingSequence(Sequence delegate) {
            this.delegate = delegate;
        }

        @Override
        public float[] prefill(int[] tokens) {
            return delegate.prefill(tokens);
        }

        @Override
        public float[] step(int token) {
            return delegate.step(token);
        }

        @Override
        public int length() {
            return delegate.length();
        }

        @Override
        public int capacity() {
            return delegate.capacity();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
