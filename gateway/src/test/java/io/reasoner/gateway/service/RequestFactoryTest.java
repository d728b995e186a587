package io.reasoner.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.reasoner.engine.budget.ThinkingFormat;
import io.reasoner.engine.gguf.GgufFile;
import io.reasoner.engine.tokenizer.Tokenizer;
import io.reasoner.engine.tokenizer.Tokenizers;
import io.reasoner.gateway.GatewayProperties;
import io.reasoner.gateway.model.PromptTokenCounter;
import io.reasoner.protocol.Budget;

class RequestFactoryTest {

    private static final Path S1_MINI = Path.of("..", "models", "s1-mini", "s1-mini.gguf");

    private static final GatewayProperties PROPERTIES = new GatewayProperties("test", Duration.ofSeconds(10),
            Duration.ofMinutes(30), Duration.ofSeconds(15), Duration.ofSeconds(5), Duration.ofMinutes(30), 100, 256,
            256, null, new GatewayProperties.Replay(Duration.ofHours(6), Duration.ofMinutes(1), Duration.ofSeconds(5)));

    private static RequestFactory factory(PromptLimit limit) {
        return new RequestFactory(PROPERTIES, new RequestIds(new SecureRandom()), Clock.systemUTC(), limit);
    }

    private static CreateReasoningBody body(Integer maxThinking, Integer maxAnswer) {
        CreateReasoningBody.BudgetBody budget = maxThinking == null && maxAnswer == null ? null
                : new CreateReasoningBody.BudgetBody(maxThinking, null, null, null, null, maxAnswer);
        return new CreateReasoningBody("What is 496 + 840?", null, null, budget, null, null, null, null);
    }

    @Test
    void withNoModelKnown_unnamedCapsAreTheConfiguredDefaults() {
        Budget budget = factory(PromptLimit.none()).create(body(null, null), "t").budget();

        assertThat(budget.maxThinkingTokens()).isEqualTo(256);
        assertThat(budget.maxAnswerTokens()).isEqualTo(256);
    }

    @Test
    void anUnnamedAnswerCap_shrinksToTheRoomLeftAfterPromptThinkingAndDelimiters() {
        RequestFactory factory = factory(request -> 300);

        assertThat(factory.create(body(null, null), "t").budget().maxAnswerTokens())
                .isEqualTo(300 - 256 - RequestFactory.DELIMITER_ALLOWANCE);
        assertThat(factory.create(body(64, null), "t").budget().maxAnswerTokens())
                .as("room 300 - 64 thinking - allowance is more than the default").isEqualTo(220);
        assertThat(factory(request -> 10_000).create(body(null, null), "t").budget().maxAnswerTokens())
                .as("a large context keeps the default").isEqualTo(256);
    }

    @Test
    void aNamedAnswerCap_orOneThatCannotFitAtAll_isLeftForTheWorkerToJudge() {
        RequestFactory factory = factory(request -> 300);

        assertThat(factory.create(body(null, 200), "t").budget().maxAnswerTokens()).isEqualTo(200);
        assertThat(factory.create(body(290, null), "t").budget().maxAnswerTokens())
                .as("not one answer token fits after 290 thinking tokens").isEqualTo(256);
    }

    @Test
    void withTheBundledModel_aRequestNamingNoCapsFitsItsContext() {
        PromptTokenCounter counter = PromptTokenCounter.fromGguf(S1_MINI);
        CreateReasoningBody body = body(null, null);
        Budget budget = factory(PromptLimit.of(counter)).create(body, "t").budget();
        int prompt = counter.count(factory(PromptLimit.none()).create(body, "t").conversation());

        assertThat(counter.contextLength()).isEqualTo(512);
        assertThat(budget.maxThinkingTokens()).isEqualTo(256);
        assertThat(budget.maxAnswerTokens()).isPositive().isLessThan(256);
        assertThat(prompt + budget.maxThinkingTokens() + budget.maxAnswerTokens()
                + RequestFactory.DELIMITER_ALLOWANCE).isEqualTo(512);
    }

    @Test
    void theAllowance_coversWhatTheWorkerInjectsForTheBundledModel() throws Exception {
        try (GgufFile file = GgufFile.open(S1_MINI)) {
            Tokenizer tokenizer = Tokenizers.fromGguf(file.metadata());
            ThinkingFormat format = ThinkingFormat.thinkTags(tokenizer);
            int injected = format.opening().length() + format.end().length() + format.answerSeparator().length()
                    + tokenizer.encode(Budget.DEFAULT_FORCED_ANSWER_PREFIX, false).length;

            assertThat(injected).isPositive().isLessThanOrEqualTo(RequestFactory.DELIMITER_ALLOWANCE);
        }
    }

    @Test
    void aPromptThatFillsTheContext_isRefusedBeforeAnyDefaultIsFitted() {
        PromptLimit full = PromptLimit.of(PromptTokenCounter.fromGguf(S1_MINI));
        CreateReasoningBody body = new CreateReasoningBody("7 ".repeat(600), null, null, null, null, null, null,
                null);

        assertThatThrownBy(() -> factory(full).create(body, "t")).isInstanceOf(PromptTooLongException.class);
    }
}
