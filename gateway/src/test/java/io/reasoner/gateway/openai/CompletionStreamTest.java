package io.reasoner.gateway.openai;

import io.reasoner.gateway.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.reasoner.gateway.stream.RequestRegistry;
import io.reasoner.gateway.stream.TrackedRequest;
import io.reasoner.protocol.Budget;
import io.reasoner.protocol.ControlKind;
import io.reasoner.protocol.FinishReason;
import io.reasoner.protocol.Phase;
import io.reasoner.protocol.ReasoningChunk;
import io.reasoner.protocol.ReasoningRequest;
import io.reasoner.protocol.ResultStatus;

class CompletionStreamTest {

    private static final String ID = "rsn_1";

    private final MutableClock clock = new MutableClock(1_000_000);
    private final RequestRegistry registry = new RequestRegistry(clock, 60_000, 100);
    private final TrackedRequest request = registry.accept(
            new ReasoningRequest(ID, "default", null, "p", null, Budget.of(8, 8), null, null, null, null, 0));
    private final RecordingSink sink = new RecordingSink();
    private final AtomicInteger abandoned = new AtomicInteger();

    private CompletionStream stream(boolean includeUsage) {
        CompletionStream stream = new CompletionStream(request, sink,
                new CompletionShaper(ID, 1_700_000_000, "stories"), includeUsage, Runnable::run, clock::millis,
                5_000, abandoned::incrementAndGet);
        request.addListener(stream::signal);
        return stream;
    }

    @Test
    void streams_role_thenDeltasInOrder_thenFinish_usage_andDone_skippingControlMarkers() {
        CompletionStream stream = stream(true);
        stream.signal();
        registry.onChunk(Results.thinking(ID, 0, "Let"));
        registry.onChunk(new ReasoningChunk(ID, 1, Phase.THINKING, "", 1, 0, ControlKind.CAP_FORCED));
        registry.onChunk(Results.answer(ID, 2, "Yes"));
        registry.onResult(Results.result(ID, ResultStatus.DONE, FinishReason.STOP, 3));

        assertThat(sink.events).hasSize(6);
        assertThat(((ChatCompletionChunk) sink.events.get(0)).choices().get(0).delta().role()).isEqualTo("assistant");
        assertThat(((ChatCompletionChunk) sink.events.get(1)).choices().get(0).delta().reasoningContent())
                .isEqualTo("Let");
        assertThat(((ChatCompletionChunk) sink.events.get(2)).choices().get(0).delta().content()).isEqualTo("Yes");
        assertThat(((ChatCompletionChunk) sink.events.get(3)).choices().get(0).finishReason()).isEqualTo("stop");
        assertThat(((ChatCompletionChunk) sink.events.get(4)).usage().completionTokensDetails().reasoningTokens())
                .isEqualTo(7);
        assertThat(sink.events.get(5)).isEqualTo(CompletionStream.DONE);
        assertThat(sink.completed).isTrue();
        assertThat(stream.closed()).isTrue();
        assertThat(abandoned).hasValue(0);
    }

    @Test
    void resultBeforeItsLastChunks_waitsForThem_orForTheGrace() {
        CompletionStream stream = stream(false);
        registry.onChunk(Results.thinking(ID, 0, "Let"));
        registry.onResult(Results.result(ID, ResultStatus.DONE, FinishReason.STOP, 2));
        assertThat(sink.events).hasSize(2);

        clock.advance(5_001);
        stream.signal();

        assertThat(sink.events).hasSize(4).last().isEqualTo(CompletionStream.DONE);
        assertThat(sink.events.get(2)).isInstanceOf(ChatCompletionChunk.class);
    }

    @Test
    void failedRequest_endsWithAnOpenAiErrorEvent_thenDone() {
        stream(true).signal();
        registry.onResult(Results.result(ID, ResultStatus.FAILED, FinishReason.ERROR, 0));

        assertThat(sink.events).hasSize(3);
        OpenAiError error = (OpenAiError) sink.events.get(1);
        assertThat(error.error().type()).isEqualTo("server_error");
        assertThat(error.error().code()).isEqualTo("reasoning_failed");
        assertThat(error.error().message()).isEqualTo("reasoning request rsn_1 failed: boom");
        assertThat(sink.events.get(2)).isEqualTo(CompletionStream.DONE);
    }

    @Test
    void aClientThatGoesAwayBeforeTheResult_abandonsTheRequestOnce() {
        CompletionStream stream = stream(false);
        stream.signal();
        sink.failWrites = true;

        registry.onChunk(Results.thinking(ID, 0, "Let"));
        stream.heartbeat();
        stream.abandon();

        assertThat(abandoned).hasValue(1);
        assertThat(stream.closed()).isTrue();
    }

    @Test
    void aClientThatGoesAwayAfterTheResult_abandonsNothing() {
        CompletionStream stream = stream(false);
        stream.signal();
        registry.onResult(Results.result(ID, ResultStatus.DONE, FinishReason.STOP, 0));

        stream.abandon();

        assertThat(abandoned).hasValue(0);
    }

    @Test
    void stop_endsTheStreamWithoutAbandoningTheRequest() {
        CompletionStream stream = stream(false);

        stream.stop();
        stream.abandon();

        assertThat(sink.completed).isTrue();
        assertThat(abandoned).hasValue(0);
    }

    private static final class RecordingSink implements CompletionStream.Sink {
        final List<Object> events = new ArrayList<>();
        boolean failWrites;
        boolean completed;

        @Override
        public void send(Object event) throws IOException {
            if (failWrites) {
                throw new IOException("Broken pipe");
            }
            events.add(event);
        }

        @Override
        public void comment(String text) throws IOException {
            if (failWrites) {
                throw new IOException("Broken pipe");
            }
        }

        @Override
        public void complete() {
            completed = true;
        }
    }
}
