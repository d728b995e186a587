package io.reasoner.gateway.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;

import io.reasoner.gateway.stream.RequestLog;
import io.reasoner.gateway.stream.RequestLogUnavailableException;
import io.reasoner.kafka.KeyedLogScan;
import io.reasoner.protocol.EventCodec;
import io.reasoner.protocol.ReasoningChunk;
import io.reasoner.protocol.ReasoningRequest;
import io.reasoner.protocol.ReasoningResult;
import io.reasoner.protocol.ReasoningTopic;

/**
 * Reads one request back from the request, chunk and result topics. All of a request's events sit in the
 * partition its id hashes to (the producer's default partitioner: murmur2 of the key), so only that partition of
 * each topic is read, with a consumer that has no group and commits nothing.
 *
 * <p>Where to start: the request record is searched (on the interactive, then the batch request topic) from
 * {@code lookback} before now (the id says nothing of its age); its {@code createdAtMs}, less {@code clockSkew} (the gateway stamped it, the broker's timestamps come from
 * other hosts' clocks), then bounds the chunk and result scans via {@code offsetsForTimes}. Each scan stops at the
 * partition's end offset taken when it began: anything later reaches the registry through the live listener,
 * which must already be reading ({@code liveReady}), or the two would leave a gap between them. Every scan shares
 * one deadline, {@code timeout}.
 */
public final class KafkaRequestLog implements RequestLog {

    /** A request is on one of these, by its priority; interactive is searched first. */
    private static final List<ReasoningTopic> REQUEST_TOPICS = List.of(ReasoningTopic.REQUESTS,
            ReasoningTopic.REQUESTS_BATCH);

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final EventCodec codec;
    private final Clock clock;
    private final BooleanSupplier liveReady;
    private final Duration lookback;
    private final Duration clockSkew;
    private final Duration timeout;

    public KafkaRequestLog(Supplier<Consumer<String, byte[]>> consumers,
            EventCodec codec, Clock clock, BooleanSupplier liveReady, Duration lookback, Duration clockSkew,
            Duration timeout) {
        this.consumers = consumers;
        this.codec = codec;
        this.clock = clock;
        this.liveReady = liveReady;
        this.lookback = lookback;
        this.clockSkew = clockSkew;
        this.timeout = timeout;
    }

    @Override
    public Optional<History> read(String requestId) {
        if (!liveReady.getAsBoolean()) {
            throw new RequestLogUnavailableException("this gateway is not reading the event log yet; retry shortly");
        }
        try (var consumer = consumers.get()) {
            KeyedLogScan scan = new KeyedLogScan(consumer, requestId, timeout);
            List<ReasoningRequest> requests = new ArrayList<>();
            for (ReasoningTopic topic : REQUEST_TOPICS) {
                if (requests.isEmpty()) {
                    scan.read(topic, clock.millis() - lookback.toMillis(),
                            value -> requests.add(codec.decode(value, ReasoningRequest.class)), requests::isEmpty);
                }
            }
            if (requests.isEmpty()) {
                return Optional.empty();
            }
            ReasoningRequest request = requests.get(0);
            long from = request.createdAtMs() - clockSkew.toMillis();
            List<ReasoningResult> results = new ArrayList<>();
            scan.read(ReasoningTopic.RESULTS, from, value -> results.add(codec.decode(value, ReasoningResult.class)),
                    results::isEmpty);
            List<ReasoningChunk> chunks = new ArrayList<>();
            scan.read(ReasoningTopic.CHUNKS, from, value -> chunks.add(codec.decode(value, ReasoningChunk.class)),
                    () -> true);
            return Optional.of(new History(request, chunks, results.isEmpty() ? null : results.get(0)));
        } catch (KafkaException e) {
            throw new RequestLogUnavailableException("could not read request " + requestId + " from the log", e);
        }
    }
}
