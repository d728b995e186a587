package io.reasoner.worker.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.Consumer;

import io.reasoner.kafka.KeyedLogScan;
import io.reasoner.protocol.EventCodec;
import io.reasoner.protocol.MalformedEventException;
import io.reasoner.protocol.ReasoningChunk;
import io.reasoner.protocol.ReasoningResult;
import io.reasoner.protocol.ReasoningTopic;

/**
 * Reads what the log already holds for one request: the chunks some worker published for it, and its result if
 * it has one. This is how a worker that receives a request again (after another worker died, handed it over, or
 * finished it without its offset being committed) knows where the request stands.
 *
 * <p>The read ({@link KeyedLogScan}: the one partition the id hashes to) starts at the first record written at or
 * after {@code createdAtMs - clockSkew} and stops at the end offsets seen when it began, so it is bounded even
 * while other requests keep writing.
 *
 * <p>Thread-safe: reads are serialised on one consumer that belongs to no group.
 */
public final class ChunkLog implements AutoCloseable {

    private final Consumer<String, byte[]> consumer;
    private final EventCodec codec;
    private final Duration clockSkew;
    private final Duration timeout;

    /**
     * @param consumer  String keys, byte[] values, no group; this log owns and closes it
     * @param clockSkew how far a record's broker timestamp may precede the request's {@code createdAtMs}
     * @param timeout   the longest one read may take
     */
    public ChunkLog(Consumer<String, byte[]> consumer, EventCodec codec, Duration clockSkew, Duration timeout) {
        this.consumer = consumer;
        this.codec = codec;
        this.clockSkew = clockSkew;
        this.timeout = timeout;
    }

    /**
     * What the log holds for {@code requestId}.
     *
     * @throws KeyedLogScan.ScanFailedException if the log could not be read to its end within the timeout
     */
    public synchronized History read(String requestId, long createdAtMs) {
        long since = Math.max(0, createdAtMs - clockSkew.toMillis());
        List<ReasoningChunk> chunks = new ArrayList<>();
        List<ReasoningResult> results = new ArrayList<>();
        KeyedLogScan scan = new KeyedLogScan(consumer, requestId, timeout);
        scan.read(ReasoningTopic.CHUNKS, since, value -> decode(value, ReasoningChunk.class).ifPresent(chunks::add),
                () -> true);
        scan.read(ReasoningTopic.RESULTS, since,
                value -> decode(value, ReasoningResult.class).ifPresent(results::add), results::isEmpty);
        return new History(contiguous(chunks), results.isEmpty() ? Optional.empty() : Optional.of(results.get(0)));
    }

    /**
     * The chunks from seq 0 on without a gap, each seq once (the first copy in log order wins; a later copy of a
     * seq can only come from a worker that wrote after losing the request, and is never delivered).
     */
    private static List<ReasoningChunk> contiguous(List<ReasoningChunk> chunks) {
        TreeMap<Long, ReasoningChunk> bySeq = new TreeMap<>();
        chunks.forEach(chunk -> bySeq.putIfAbsent(chunk.seq(), chunk));
        List<ReasoningChunk> ordered = new ArrayList<>();
        long expected = 0;
        for (Map.Entry<Long, ReasoningChunk> entry : bySeq.entrySet()) {
            if (entry.getKey() != expected) {
                break;
            }
            ordered.add(entry.getValue());
            expected++;
        }
        return ordered;
    }

    private <T extends io.reasoner.protocol.ReasoningEvent> Optional<T> decode(byte[] value, Class<T> type) {
        try {
            return Optional.of(codec.decode(value, type));
        } catch (MalformedEventException e) {
            return Optional.empty(); // not ours to judge here; whoever wrote it is reported by its own readers
        }
    }

    @Override
    public synchronized void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    /**
     * @param chunks the request's chunks from seq 0, gap-free and without duplicates
     * @param result its result, if some worker finished it
     */
    public record History(List<ReasoningChunk> chunks, Optional<ReasoningResult> result) {

        /** A request no worker has served: no chunks, no result. */
        public static final History NONE = new History(List.of(), Optional.empty());

        public History {
            chunks = List.copyOf(chunks);
        }

        /** The seq the next chunk must carry. */
        public long nextSeq() {
            return chunks.size();
        }
    }
}
