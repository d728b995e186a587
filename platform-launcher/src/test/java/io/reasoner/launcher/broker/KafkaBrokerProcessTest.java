package io.reasoner.launcher.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reasoner.launcher.LauncherException;
import io.reasoner.launcher.process.StopOutcome;
import io.reasoner.protocol.ReasoningTopic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real broker JVM from kafka-broker-runtime/target/kafka-libs, as {@code ./reasoner up} does, on free ports. */
class KafkaBrokerProcessTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @Test
    void startedBroker_servesCreatedTopics_andStopsByPid() throws Exception {
        long pid;
        try (RunningBroker broker = KafkaBrokerProcess.start(settings())) {
            pid = broker.pid();
            assertThat(TopicInitializer.createAll(broker.bootstrapServers()))
                    .containsExactlyElementsOf(allTopicNames());

            String topic = ReasoningTopic.REQUESTS.topicName();
            int partition = produce(broker, topic, "req-1", "{\"prompt\":\"Once upon a time\"}");
            assertThat(consumeFirst(broker, topic, partition))
                    .hasValueSatisfying(value -> assertThat(value).contains("Once upon a time"));
            assertThat(cleanupPolicy(broker, ReasoningTopic.BUDGET_POLICY.topicName())).isEqualTo("compact");
            assertThat(cleanupPolicy(broker, ReasoningTopic.CHUNKS.topicName())).isEqualTo("delete");

            assertThat(broker.stop()).isIn(StopOutcome.STOPPED, StopOutcome.KILLED);
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        assertThat(settings().pidFile()).doesNotExist();
    }

    @Test
    void secondStart_onSameDataDir_reusesClusterAndRecords() throws Exception {
        String topic = ReasoningTopic.BUDGET_POLICY.topicName();
        String clusterId;
        try (RunningBroker first = KafkaBrokerProcess.start(settings())) {
            TopicInitializer.createAll(first.bootstrapServers());
            produce(first, topic, "free", "{\"tier\":\"free\"}");
            clusterId = clusterId(first);
        }
        Path metaProperties = StorageFormatter.metaProperties(settings());
        String metaBefore = Files.readString(metaProperties, StandardCharsets.UTF_8);

        try (RunningBroker second = KafkaBrokerProcess.start(settings())) {
            assertThat(clusterId(second)).isEqualTo(clusterId);
            assertThat(Files.readString(metaProperties, StandardCharsets.UTF_8)).isEqualTo(metaBefore);
            assertThat(TopicInitializer.createAll(second.bootstrapServers())).isEmpty();
            assertThat(consumeFirst(second, topic, 0)).contains("{\"tier\":\"free\"}");
        }
    }

    @Test
    void start_withoutKafkaLibs_explainsHowToBuildThem() {
        BrokerSettings settings = new BrokerSettings(dataDir, dataDir.resolve("no-libs"), 0, 0,
                dataDir.resolve("broker.log"), dataDir.resolve("kafka.pid"), Duration.ofSeconds(5));

        assertThatThrownBy(() -> KafkaBrokerProcess.start(settings))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("run ./mvnw -B -ntp -DskipTests package first");
    }

    @Test
    void start_onTakenPort_failsNamingThePort() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            BrokerSettings settings = settings().withPorts(taken.getLocalPort(), 0);

            assertThatThrownBy(() -> KafkaBrokerProcess.start(settings))
                    .isInstanceOf(LauncherException.class)
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("already in use");
        }
    }

    private BrokerSettings settings() {
        return BrokerSettings.ephemeral(dataDir, Path.of(System.getProperty("reasoner.root")));
    }

    private static List<String> allTopicNames() {
        List<String> names = new ArrayList<>();
        for (ReasoningTopic topic : ReasoningTopic.values()) {
            names.add(topic.topicName());
        }
        return names;
    }

    /** Sends one record and returns the partition it landed in. */
    private static int produce(RunningBroker broker, String topic, String key, String value) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) WAIT.toMillis());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(WAIT.toSeconds(), TimeUnit.SECONDS)
                    .partition();
        }
    }

    /** The value of the first record in one partition, read from the beginning; empty if none arrives in time. */
    private static Optional<String> consumeFirst(RunningBroker broker, String topic, int partition) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, partition);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    return Optional.of(record.value());
                }
            }
            return Optional.empty();
        }
    }

    private static String cleanupPolicy(RunningBroker broker, String topic) throws Exception {
        try (Admin admin = admin(broker)) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get(WAIT.toSeconds(), TimeUnit.SECONDS)
                    .get(resource);
            return config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        }
    }

    private static String clusterId(RunningBroker broker) throws Exception {
        try (Admin admin = admin(broker)) {
            return admin.describeCluster().clusterId().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static Admin admin(RunningBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }
}
