package io.reasoner.worker.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.reasoner.protocol.EventCodec;
import io.reasoner.protocol.Phase;
import io.reasoner.protocol.ReasoningChunk;
import io.reasoner.protocol.ReasoningEvent;
import io.reasoner.protocol.ReasoningResult;
import io.reasoner.protocol.ReasoningTopic;

/** Reading one request's history back from a real (in-JVM) broker, among other requests' records. */
@EmbeddedKafka(partitions = 12, topics = {"reasoning.chunks", "reasoning.results"})
class ChunkLogTest {

    private final EventCodec codec = new EventCodec();
    private KafkaProducer<String, byte[]> producer;
    private ChunkLog log;

    @BeforeEach
    void connect(EmbeddedKafkaBroker broker) {
        String servers = broker.getBrokersAsString();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                new StringSerializer(), new ByteArraySerializer());
        log = new ChunkLog(new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                new ByteArrayDeserializer()), codec, Duration.ofMinutes(1), Duration.ofSeconds(30));
    }

    @AfterEach
    void close() {
        producer.close();
        log.close();
    }

    @Test
    void readsOneRequestsChunksInSeqOrder_firstCopyOfASeqWins_andStopsAtAGap() throws Exception {
        long now = System.currentTimeMillis();
        send(ReasoningTopic.CHUNKS, chunk("log-a", 0, "Once"));
        send(ReasoningTopic.CHUNKS, chunk("log-b", 0, "other"));
        send(ReasoningTopic.CHUNKS, chunk("log-a", 1, " upon"));
        send(ReasoningTopic.CHUNKS, chunk("log-a", 1, " DUPLICATE"));
        send(ReasoningTopic.CHUNKS, chunk("log-a", 3, " after a gap"));

        ChunkLog.History history = log.read("log-a", now);

        assertThat(history.chunks()).extracting(ReasoningChunk::text).containsExactly("Once", " upon");
        assertThat(history.nextSeq()).isEqualTo(2);
        assertThat(history.result()).isEmpty();
    }

    @Test
    void findsTheResultOfAFinishedRequest_andNothingForAnUnknownOne() throws Exception {
        long now = System.currentTimeMillis();
        send(ReasoningTopic.CHUNKS, chunk("log-done", 0, "text"));
        send(ReasoningTopic.RESULTS, ReasoningResult.failed("log-done", "t", "whatever went wrong", now));

        assertThat(log.read("log-done", now).result()).get().extracting(ReasoningResult::error)
                .isEqualTo("whatever went wrong");
        ChunkLog.History unknown = log.read("log-never-seen", now);
        assertThat(unknown.chunks()).isEmpty();
        assertThat(unknown.result()).isEmpty();
    }

    @Test
    void recordsWrittenBeforeTheRequestWasCreated_areNotRead() throws Exception {
        send(ReasoningTopic.CHUNKS, chunk("log-old", 0, "from an earlier life"));

        assertThat(log.read("log-old", System.currentTimeMillis() + Duration.ofHours(1).toMillis()).chunks())
                .isEmpty();
    }

    private static ReasoningChunk chunk(String id, long seq, String text) {
        return new ReasoningChunk(id, seq, Phase.THINKING, text, (int) seq + 1, 0);
    }

    private void send(ReasoningTopic topic, ReasoningEvent event) throws Exception {
        producer.send(new ProducerRecord<>(topic.topicName(), event.key(), codec.encode(event))).get();
    }
}
