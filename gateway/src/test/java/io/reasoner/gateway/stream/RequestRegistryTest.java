package io.reasoner.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.reasoner.gateway.MutableClock;
import io.reasoner.protocol.Budget;
import io.reasoner.protocol.FinishReason;
import io.reasoner.protocol.Phase;
import io.reasoner.protocol.ReasoningChunk;
import io.reasoner.protocol.ReasoningRequest;
import io.reasoner.protocol.ReasoningResult;
import io.reasoner.protocol.ResultStatus;
import io.reasoner.protocol.Usage;

class RequestRegistryTest {

    private final MutableClock clock = new MutableClock(1_000_000);
    private final RequestRegistry registry = new RequestRegistry(clock, 1_000, 3);

    private static ReasoningChunk chunk(long seq) {
        return new ReasoningChunk("r", seq, Phase.THINKING, "t" + seq, (int) seq + 1, 0);
    }

    private static ReasoningResult result(String id, long chunkCount) {
        return new ReasoningResult(id, "default", ResultStatus.DONE, "", "", FinishReason.STOP, new Usage(1, 1, 0),
                Budget.of(1, 1), null, chunkCount, null, "m", Map.of(), 0);
    }

    private static ReasoningRequest request(String id) {
        return new ReasoningRequest(id, "default", null, "p", null, Budget.of(1, 1), null, null, null, null, 0);
    }

    @Test
    void chunks_areKeptInSequence_duplicatesDropped_andEarlyOnesHeldUntilTheGapFills() {
        registry.onChunk(chunk(0));
        registry.onChunk(chunk(2));
        registry.onChunk(chunk(0));
        TrackedRequest tracked = registry.find("r").orElseThrow();
        assertThat(tracked.chunksFrom(0)).extracting(ReasoningChunk::seq).containsExactly(0L);

        registry.onChunk(chunk(1));

        assertThat(tracked.chunksFrom(0)).extracting(ReasoningChunk::seq).containsExactly(0L, 1L, 2L);
        assertThat(tracked.chunksFrom(2)).extracting(ReasoningChunk::seq).containsExactly(2L);
        assertThat(tracked.status()).isEqualTo(RequestStatus.RUNNING);
    }

    @Test
    void complete_onlyOnceEveryCountedChunkHasArrived() {
        registry.onChunk(chunk(0));
        registry.onResult(result("r", 2));
        TrackedRequest tracked = registry.find("r").orElseThrow();
        assertThat(tracked.status()).isEqualTo(RequestStatus.DONE);
        assertThat(tracked.complete()).isFalse();

        registry.onChunk(chunk(1));

        assertThat(tracked.complete()).isTrue();
    }

    @Test
    void listeners_areToldOfEveryChange() {
        TrackedRequest tracked = registry.accept(request("r"));
        int[] calls = {0};
        tracked.addListener(() -> calls[0]++);

        registry.onChunk(chunk(0));
        registry.onResult(result("r", 1));

        assertThat(calls[0]).isEqualTo(2);
    }

    @Test
    void evict_dropsFinishedRequestsAfterRetention_andTheOldestPastTheBound() {
        registry.accept(request("old"));
        registry.onResult(result("old", 0));
        clock.advance(1_001);
        registry.evict();
        assertThat(registry.find("old")).isEmpty();

        for (String id : new String[] {"a", "b", "c", "d"}) {
            registry.accept(request(id));
            clock.advance(1);
        }
        registry.evict();

        assertThat(registry.size()).isEqualTo(3);
        assertThat(registry.find("a")).isEmpty();
    }

    @Test
    void requestSeenLive_isServedFromMemory_butOneKnownOnlyFromChunks_needsTheLog() {
        TrackedRequest seen = registry.accept(request("seen"));
        registry.onChunk(new ReasoningChunk("joined-late", 4, Phase.THINKING, "t", 5, 0));

        assertThat(seen.needsReplay()).isFalse();
        assertThat(registry.find("joined-late").orElseThrow().needsReplay()).isTrue();
    }

    @Test
    void recover_mergesTheLogWithLiveChunks_withoutGapOrDuplicate() {
        // Live delivery began mid-stream (chunks 3 and 4); the log holds 0..3 at the moment it is read.
        registry.onChunk(chunk(3));
        registry.onChunk(chunk(4));
        RequestLog log = id -> java.util.Optional.of(new RequestLog.History(request(id),
                java.util.List.of(chunk(0), chunk(1), chunk(1), chunk(2), chunk(3)), null));

        TrackedRequest tracked = registry.recover("r", log).orElseThrow();
        registry.onChunk(chunk(5));

        assertThat(tracked.chunksFrom(0)).extracting(ReasoningChunk::seq).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(tracked.tenant()).isEqualTo("default");
        assertThat(tracked.needsReplay()).isFalse();
    }

    @Test
    void recover_ofAFinishedRequest_isComplete() {
        RequestLog log = id -> java.util.Optional.of(new RequestLog.History(request(id),
                java.util.List.of(chunk(0), chunk(1)), result(id, 2)));

        TrackedRequest tracked = registry.recover("r", log).orElseThrow();

        assertThat(tracked.complete()).isTrue();
        assertThat(tracked.status()).isEqualTo(RequestStatus.DONE);
    }

    @Test
    void recover_ofAnIdTheLogDoesNotHave_tracksNothing() {
        assertThat(registry.recover("nope", id -> java.util.Optional.empty())).isEmpty();
        assertThat(registry.find("nope")).isEmpty();
    }

    @Test
    void productionTimes_followTheirChunks_whenChunksArriveOutOfOrder() {
        registry.onChunk(chunk(1), 1_100);
        registry.onChunk(chunk(0), 1_000);
        registry.onChunk(chunk(2));
        TrackedRequest tracked = registry.find(chunk(0).requestId()).orElseThrow();

        assertThat(tracked.producedAtMs(0)).isEqualTo(1_000);
        assertThat(tracked.producedAtMs(1)).isEqualTo(1_100);
        assertThat(tracked.producedAtMs(2)).as("unknown").isZero();
        assertThat(tracked.producedAtMs(3)).as("not arrived").isZero();
    }

    @Test
    void productionTimes_areKeptForLongStreams() {
        for (int seq = 0; seq < 100; seq++) {
            registry.onChunk(chunk(seq), 10_000 + seq);
        }
        TrackedRequest tracked = registry.find(chunk(0).requestId()).orElseThrow();

        assertThat(tracked.producedAtMs(0)).isEqualTo(10_000);
        assertThat(tracked.producedAtMs(99)).isEqualTo(10_099);
    }
}
