package io.reasoner.gateway.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.reasoner.gateway.stream.RequestLog;
import io.reasoner.gateway.stream.RequestLogUnavailableException;
import io.reasoner.kafka.EventSerializer;
import io.reasoner.protocol.Budget;
import io.reasoner.protocol.EventCodec;
import io.reasoner.protocol.FinishReason;
import io.reasoner.protocol.Phase;
import io.reasoner.protocol.ReasoningChunk;
import io.reasoner.protocol.ReasoningEvent;
import io.reasoner.protocol.ReasoningRequest;
import io.reasoner.protocol.ReasoningResult;
import io.reasoner.protocol.ReasoningTopic;
import io.reasoner.protocol.ResultStatus;
import io.reasoner.protocol.Usage;

/** Reading one request back from a real broker, among other requests' events in the same topics. */
@EmbeddedKafka(partitions = 12, topics = {"reasoning.requests", "reasoning.requests.batch", "reasoning.chunks",
        "reasoning.results"})
class KafkaRequestLogBrokerTest {

    private final Clock clock = Clock.systemUTC();

    @Test
    void read_returnsTheRequestItsChunksAndResult_andNothingOfOtherRequests(EmbeddedKafkaBroker broker) {
        long now = clock.millis();
        try (var producer = producer(broker)) {
            for (String id : new String[] {"rsn_a", "rsn_b"}) {
                send(producer, ReasoningTopic.REQUESTS, request(id, now));
                for (int seq = 0; seq < 3; seq++) {
                    send(producer, ReasoningTopic.CHUNKS, new ReasoningChunk(id, seq, Phase.THINKING, id + seq,
                            seq + 1, 0));
                }
            }
            send(producer, ReasoningTopic.CHUNKS, new ReasoningChunk("rsn_a", 1, Phase.THINKING, "rsn_a1", 2, 0));
            send(producer, ReasoningTopic.RESULTS, result("rsn_a"));
            producer.flush();
        }

        RequestLog.History history = log(broker, () -> true, Duration.ofSeconds(10)).read("rsn_a").orElseThrow();

        assertThat(history.request().tenant()).isEqualTo("acme");
        assertThat(history.chunks()).extracting(ReasoningChunk::text)
                .containsExactly("rsn_a0", "rsn_a1", "rsn_a2", "rsn_a1");
        assertThat(history.result().chunkCount()).isEqualTo(3);
    }

    @Test
    void read_findsABatchPriorityRequest_onTheBatchTopic(EmbeddedKafkaBroker broker) {
        try (var producer = producer(broker)) {
            ReasoningRequest batch = new ReasoningRequest("rsn_batch", "acme", null, "p", null, Budget.of(4, 4), null,
                    io.reasoner.protocol.Priority.BATCH, null, null, clock.millis());
            send(producer, ReasoningTopic.requestsFor(batch.priority()), batch);
            producer.flush();
        }

        RequestLog.History history = log(broker, () -> true, Duration.ofSeconds(10)).read("rsn_batch").orElseThrow();

        assertThat(history.request().priority()).isEqualTo(io.reasoner.protocol.Priority.BATCH);
        assertThat(history.chunks()).isEmpty();
        assertThat(history.result()).isNull();
    }

    @Test
    void read_ofAnIdWithNoRequestRecord_isEmpty(EmbeddedKafkaBroker broker) {
        assertThat(log(broker, () -> true, Duration.ofSeconds(10)).read("rsn_never")).isEqualTo(Optional.empty());
    }

    @Test
    void read_beforeLiveDeliveryRuns_refusesRatherThanRiskAGap(EmbeddedKafkaBroker broker) {
        assertThatThrownBy(() -> log(broker, () -> false, Duration.ofSeconds(10)).read("rsn_a"))
                .isInstanceOf(RequestLogUnavailableException.class)
                .hasMessageContaining("not reading the event log yet");
    }

    private KafkaRequestLog log(EmbeddedKafkaBroker broker, java.util.function.BooleanSupplier live,
            Duration timeout) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaRequestLog(() -> new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer()), new EventCodec(), clock, live, Duration.ofHours(1),
                Duration.ofMinutes(1), timeout);
    }

    private static KafkaProducer<String, ReasoningEvent> producer(EmbeddedKafkaBroker broker) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new EventSerializer());
    }

    private static void send(KafkaProducer<String, ReasoningEvent> producer, ReasoningTopic topic,
            ReasoningEvent event) {
        producer.send(new ProducerRecord<>(topic.topicName(), event.key(), event));
    }

    private static ReasoningRequest request(String id, long createdAtMs) {
        return new ReasoningRequest(id, "acme", null, "p", null, Budget.of(4, 4), null, null, null, null,
                createdAtMs);
    }

    private static ReasoningResult result(String id) {
        return new ReasoningResult(id, "acme", ResultStatus.DONE, "", "", FinishReason.STOP, new Usage(1, 3, 0),
                Budget.of(4, 4), null, 3, null, "m", Map.of(), 0);
    }
}
