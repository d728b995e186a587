package io.reasoner.engine.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reasoner.engine.model.LanguageModel;
import io.reasoner.engine.model.ModelInfo;
import io.reasoner.engine.model.Sequence;
import io.reasoner.engine.model.SequenceCapacityException;
import io.reasoner.engine.sampling.Sampler;
import io.reasoner.engine.tokenizer.SentencePieceTokenizer;
import io.reasoner.engine.tokenizer.TokenType;
import io.reasoner.engine.tokenizer.Tokenizer;
import io.reasoner.engine.tokenizer.Vocabulary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loop's control flow against a scripted model whose "logits" name the next token outright. */
class DecodingLoopTest {

    private static final int BOS = 1;
    private static final int EOS = 2;
    private static final int HI = 3;
    private static final int THERE = 4;

    private final List<String> events = new ArrayList<>();

    @Test
    void eachToken_reachesTheListenerBeforeTheNextForwardPass() {
        ScriptedModel model = new ScriptedModel(16, HI, THERE, HI, EOS);

        GenerationResult result = new DecodingLoop(model, fakeTicker()).generate(
                new GenerationRequest(new int[] {BOS}, 10), Sampler.greedy(), listener(true));

        assertThat(events).containsExactly(
                "prefill[1]", "token 3 'Hi'", "step 3", "token 4 ' there'", "step 4", "token 3 ' Hi'", "step 3");
        assertThat(result.generatedTokens()).isEqualTo(3);
        assertThat(result.stopReason()).isEqualTo(StopReason.END_OF_SEQUENCE);
    }

    @Test
    void generation_stopsAtMaxTokens_withoutFeedingTheLastToken() {
        ScriptedModel model = new ScriptedModel(16, HI, THERE, HI, THERE);

        GenerationResult result = new DecodingLoop(model, fakeTicker()).generate(
                new GenerationRequest(new int[] {BOS}, 2), Sampler.greedy(), listener(true));

        assertThat(events).containsExactly("prefill[1]", "token 3 'Hi'", "step 3", "token 4 ' there'");
        assertThat(result.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
        assertThat(model.lastCapacity).isEqualTo(2); // prompt + max tokens - 1
    }

    @Test
    void listenerReturningFalse_stopsGeneration() {
        ScriptedModel model = new ScriptedModel(16, HI, THERE, HI);

        GenerationResult result = new DecodingLoop(model, fakeTicker()).generate(
                new GenerationRequest(new int[] {BOS}, 10), Sampler.greedy(), listener(false));

        assertThat(events).containsExactly("prefill[1]", "token 3 'Hi'");
        assertThat(result.stopReason()).isEqualTo(StopReason.STOPPED_BY_LISTENER);
        assertThat(result.generatedTokens()).isEqualTo(1);
    }

    @Test
    void shortContext_endsGenerationWithContextFull() {
        ScriptedModel model = new ScriptedModel(3, HI, THERE, HI, THERE);

        GenerationResult result = new DecodingLoop(model, fakeTicker()).generate(
                new GenerationRequest(new int[] {BOS, HI}, 10), Sampler.greedy(), listener(true));

        assertThat(result.stopReason()).isEqualTo(StopReason.CONTEXT_FULL);
        assertThat(result.generatedTokens()).isEqualTo(2);
    }

    @Test
    void promptLongerThanTheContext_isRefusedBeforeAnyToken() {
        ScriptedModel model = new ScriptedModel(2, HI);

        assertThatThrownBy(() -> new DecodingLoop(model, fakeTicker()).generate(
                new GenerationRequest(new int[] {BOS, HI, THERE}, 5), Sampler.greedy(), listener(true)))
                .isInstanceOf(SequenceCapacityException.class);
        assertThat(events).isEmpty();
    }

    @Test
    void timings_comeFromTheInjectedTicker_andExcludeTheListener() {
        ScriptedModel model = new ScriptedModel(16, HI, THERE, EOS);
        long[] now = {0};
        Ticker ticker = () -> now[0];
        model.onForward = () -> now[0] += 5_000_000; // each forward pass takes 5 ms
        TokenListener slowListener = (token, text) -> {
            now[0] += 100_000_000; // the listener takes 100 ms, which must not count as decoding
            return true;
        };

        GenerationResult result = new DecodingLoop(model, ticker).generate(
                new GenerationRequest(new int[] {BOS}, 10), Sampler.greedy(), slowListener);

        assertThat(result.prefillTime()).isEqualTo(Duration.ofMillis(5));
        assertThat(result.decodeTime()).isEqualTo(Duration.ofMillis(10)); // two steps
        assertThat(result.generatedTokens()).isEqualTo(2);
        assertThat(result.decodeTokensPerSecond()).isEqualTo(200.0);
        assertThat(result.millisPerToken()).isEqualTo(5.0);
    }

    @Test
    void request_rejectsAnEmptyPromptAndANonPositiveLimit() {
        assertThatThrownBy(() -> new GenerationRequest(new int[0], 5))
                .hasMessageStartingWith("promptTokens must not be empty");
        assertThatThrownBy(() -> new GenerationRequest(new int[] {BOS}, 0))
                .hasMessage("maxNewTokens must be in [1, 1048576], was 0");
    }

    private Ticker fakeTicker() {
        long[] now = {0};
        return () -> now[0] += 1_000;
    }

    private TokenListener listener(boolean keepGoing) {
        return (token, text) -> {
            events.add("token " + token + " '" + text + "'");
            return keepGoing;
        };
    }

    /** A model that, at every forward pass, puts all the probability on the next token of its script. */
    private final class ScriptedModel implements LanguageModel {
        private final int contextLength;
        private final int[] script;
        private final Tokenizer tokenizer = new SentencePieceTokenizer(new Vocabulary(
                List.of("<unk>", "<s>", "</s>", "▁Hi", "▁there"), new float[5],
                new TokenType[] {TokenType.UNKNOWN, TokenType.CONTROL, TokenType.CONTROL, TokenType.NORMAL,
                        TokenType.NORMAL}, BOS, EOS, 0, true, true));
        private int next;
        int lastCapacity;
        Runnable onForward = () -> { };

        ScriptedModel(int contextLength, int... script) {
            this.contextLength = contextLength;
            this.script = script;
        }

        @Override
        public ModelInfo info() {
            return new ModelInfo("scripted", "test", contextLength, 5, BOS, EOS);
        }

        @Override
        public Tokenizer tokenizer() {
            return tokenizer;
        }

        @Override
        public Sequence newSequence(int maxTokens) {
            lastCapacity = maxTokens;
            return new Sequence() {
                private int length;

                @Override
                public float[] prefill(int[] tokens) {
                    if (tokens.length > maxTokens - length) {
                        throw new SequenceCapacityException(length, maxTokens, tokens.length);
                    }
                    length += tokens.length;
                    events.add(tokens.length == 1 && length > 1 ? "step " + tokens[0]
                            : "prefill" + Arrays.toString(tokens));
                    onForward.run();
                    float[] logits = new float[5];
                    logits[script[next++]] = 1;
                    return logits;
                }

                @Override
                public float[] step(int token) {
                    return prefill(new int[] {token});
                }

                @Override
                public int length() {
                    return length;
                }

                @Override
                public int capacity() {
                    return maxTokens;
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void close() {
        }
    }
}
