package io.reasoner.worker.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

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
        for (String piece : List.of("a", "b", "c", "d", "e")) {
            assembler.accept(Phase.THINKING, piece);
        }
        assembler.finish();

        assertThat(chunks).extracting(ReasoningChunk::seq).containsExactly(0L, 1L, 2L);
        assertThat(chunks).extracting(ReasoningChunk::text).containsExactly("ab", "cd", "e");
        assertThat(chunks).extracting(ReasoningChunk::thinkingTokens).containsExactly(2, 4, 5);
        assertThat(assembler.chunkCount()).isEqualTo(3);
    }

    @Test
    void flushesOnceOldestPendingTokenReachesTheTimeLimit() {
        ChunkAssembler assembler = assembler(100, 50);
        assembler.accept(Phase.THINKING, "a");
        nowMs.addAndGet(49);
        assembler.accept(Phase.THINKING, "b");
        assertThat(chunks).isEmpty();

        nowMs.addAndGet(1);
        assembler.accept(Phase.THINKING, "c");

        assertThat(chunks).extracting(ReasoningChunk::text).containsExactly("abc");
    }

    @Test
    void phaseChange_flushesPendingThinkingBeforeTheFirstAnswerToken() {
        ChunkAssembler assembler = assembler(100, 10_000);
        assembler.accept(Phase.THINKING, "think");
        assembler.accept(Phase.ANSWER, "ans");
        assembler.finish();

        assertThat(chunks).extracting(ReasoningChunk::phase).containsExactly(Phase.THINKING, Phase.ANSWER);
        assertThat(chunks.get(1).thinkingTokens()).isEqualTo(1);
        assertThat(chunks.get(1).answerTokens()).isEqualTo(1);
    }

    @Test
    void tokensWithoutTextYet_areCountedButNeverSentAsEmptyChunks() {
        ChunkAssembler assembler = assembler(1, 10_000);
        assembler.accept(Phase.ANSWER, "");
        assembler.accept(Phase.ANSWER, "é");
        assembler.finish();

        assertThat(chunks).singleElement().satisfies(chunk -> {
            assertThat(chunk.text()).isEqualTo("é");
            assertThat(chunk.answerTokens()).isEqualTo(2);
        });
    }

    @Test
    void controlChunk_followsFlushedTextInOrder_andCountsItsTokens() {
        ChunkAssembler assembler = assembler(100, 10_000);
        assembler.accept(Phase.THINKING, "so");
        assembler.control(io.reasoner.protocol.ControlKind.WAIT_INJECTED, Phase.THINKING, " Wait", 1);
        assembler.accept(Phase.THINKING, ",");
        assembler.finish();

        assertThat(chunks).extracting(ReasoningChunk::text).containsExactly("so", " Wait", ",");
        assertThat(chunks).extracting(ReasoningChunk::control)
                .containsExactly(null, io.reasoner.protocol.ControlKind.WAIT_INJECTED, null);
        assertThat(chunks).extracting(ReasoningChunk::thinkingTokens).containsExactly(1, 2, 3);
    }
}
