package io.reasoner.launcher.broker;

import io.reasoner.launcher.LauncherException;
import io.reasoner.protocol.ReasoningTopic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates every {@link ReasoningTopic} with its partition count and cleanup policy, replication factor 1 (a
 * single local broker). Idempotent: an existing topic is left as it is, whatever its settings.
 */
public final class TopicInitializer {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** {@link Admin#close()} would wait without limit for calls still pending after a timeout. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final short REPLICATION_FACTOR = 1;

    private TopicInitializer() {
    }

    /** Creates the missing topics and returns their names, in {@link ReasoningTopic} order. */
    public static List<String> createAll(String bootstrapServers) {
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        try {
            return createAll(admin, DEFAULT_TIMEOUT);
        } finally {
            admin.close(CLOSE_TIMEOUT);
        }
    }

    public static List<String> createAll(Admin admin, Duration timeout) {
        List<NewTopic> topics = new ArrayList<>();
        for (ReasoningTopic topic : ReasoningTopic.values()) {
            topics.add(newTopic(topic));
        }
        Map<String, KafkaFuture<Void>> results = admin.createTopics(topics).values();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> created = new ArrayList<>();
        for (NewTopic topic : topics) {
            if (awaitCreated(topic.name(), results.get(topic.name()), deadline)) {
                created.add(topic.name());
            }
        }
        return created;
    }

    static NewTopic newTopic(ReasoningTopic topic) {
        return new NewTopic(topic.topicName(), topic.partitions(), REPLICATION_FACTOR)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, topic.cleanupPolicy().configValue()));
    }

    /** True if created now, false if it already existed. */
    private static boolean awaitCreated(String name, KafkaFuture<Void> result, long deadlineNanos) {
        long remainingNanos = Math.max(0, deadlineNanos - System.nanoTime());
        try {
            result.get(remainingNanos, TimeUnit.NANOSECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw new LauncherException("cannot create topic " + name + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new LauncherException("creating topic " + name + " did not finish in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while creating topic " + name, e);
        }
    }
}
