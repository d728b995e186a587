package io.reasoner.worker.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.reasoner.protocol.ControlKind;
import io.reasoner.protocol.Phase;
import io.reasoner.protocol.ReasoningChunk;

class ChunkAssemblerTest {

    private final AtomicLong nowMs = new AtomicLong(1_000);
    private final List<ReasoningChunk> chunks = new ArrayList<>();

    private ChunkAssembler assembler(int everyTokens, long everyMs) {
        return new ChunkAssembler("r", everyTokens, everyMs, nowMs::get, chunks::add);
    }

    @Test
    void flushesEveryNTokens_withGapFreeSequenceAndRunningCounts() {
        ChunkAssembler assembler = assembler(2, 10_000);
        String[] pieces = {"a", "b", "c", "d", "e"};
        for (int i = 0; i < pieces.length; i++) {
            assembler.accept(Phase.THINKING, pieces[i], i + 1, 0);
        }
        assembler.finish();

        assertThat(chunks).extracting(ReasoningChunk::seq).containsExactly(0L, 1L, 2L);
        assertThat(chunks).extracting(ReasoningChunk::text).containsExactly("ab", "cd", "e");
        assertThat(chunks).extracting(ReasoningChunk::thinkingTokens).containsExactly(2, 4, 5);
        assertThat(assembler.chunkCount()).isEqualTo(3);
    }

    @Test
    void flushesOnceOldestPendingTextReachesTheTimeLimit() {
        ChunkAssembler assembler = assembler(100, 50);
        assembler.accept(Phase.THINKING, "a", 1, 0);
        nowMs.addAndGet(49);
        assembler.accept(Phase.THINKING, "b", 2, 0);
        assertThat(chunks).isEmpty();

        nowMs.addAndGet(1);
        assembler.accept(Phase.THINKING, "c", 3, 0);

        assertThat(chunks).extracting(ReasoningChunk::text).containsExactly("abc");
    }

    @Test
    void phaseChange_flushesPendingThinkingBeforeTheFirstAnswerText() {
        ChunkAssembler assembler = assembler(100, 10_000);
        assembler.accept(Phase.THINKING, "think", 1, 0);
        assembler.accept(Phase.ANSWER, "ans", 1, 1);
        assembler.finish();

        assertThat(chunks).extracting(ReasoningChunk::phase).containsExactly(Phase.THINKING, Phase.ANSWER);
        assertThat(chunks.get(0).thinkingTokens()).isEqualTo(1);
        assertThat(chunks.get(1).answerTokens()).isEqualTo(1);
    }

    @Test
    void tokensCountedBeforeTheirTextArrives_triggerAFlushWithTheText() {
        ChunkAssembler assembler = assembler(2, 10_000);
        assembler.accept(Phase.ANSWER, "é", 0, 2);

        assertThat(chunks).singleElement().satisfies(chunk -> {
            assertThat(chunk.text()).isEqualTo("é");
            assertThat(chunk.answerTokens()).isEqualTo(2);
        });
    }

    @Test
    void controlMarker_followsFlushedTextInOrder_andInjectedTextFollowsAsOutput() {
        ChunkAssembler assembler = assembler(100, 10_000);
        assembler.accept(Phase.THINKING, "so", 1, 0);
        assembler.control(ControlKind.WAIT_INJECTED, Phase.THINKING);
        assembler.accept(Phase.THINKING, " Wait", 2, 0);
        assembler.finish();

        assertThat(chunks).extracting(ReasoningChunk::text).containsExactly("so", "", " Wait");
        assertThat(chunks).extracting(ReasoningChunk::control).containsExactly(null, ControlKind.WAIT_INJECTED, null);
        assertThat(chunks).extracting(ReasoningChunk::thinkingTokens).containsExactly(1, 1, 2);
    }
}
