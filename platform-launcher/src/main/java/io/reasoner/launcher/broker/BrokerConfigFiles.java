package io.reasoner.launcher.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes the broker's server.properties and log4j2 config into the data folder. Rewritten on every start, so a
 * reused data folder follows the current ports; the stored data (log dir, cluster id) is untouched.
 */
final class BrokerConfigFiles {

    static final String LOG4J2_RESOURCE = "broker-log4j2.properties";

    private BrokerConfigFiles() {
    }

    static void write(BrokerSettings settings, int port, int controllerPort) {
        try {
            Files.createDirectories(settings.dataDir());
            Files.writeString(settings.serverProperties(), serverProperties(settings.logDir(), port, controllerPort),
                    StandardCharsets.UTF_8);
            try (InputStream log4j2 = BrokerConfigFiles.class.getResourceAsStream(LOG4J2_RESOURCE)) {
                if (log4j2 == null) {
                    throw new IllegalStateException("resource " + LOG4J2_RESOURCE + " is missing from the launcher");
                }
                Files.copy(log4j2, log4j2Config(settings), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write broker config into " + settings.dataDir(), e);
        }
    }

    static Path log4j2Config(BrokerSettings settings) {
        return settings.dataDir().resolve("log4j2.properties");
    }

    static String serverProperties(Path logDir, int port, int controllerPort) {
        return String.join("\n",
                "# Written by the reasoner launcher on every start; edits here are overwritten.",
                "# Single-node KRaft: this JVM is both the broker and the only controller.",
                "process.roles=broker,controller",
                "node.id=1",
                "# Static quorum of one voter, so storage formatting needs no --standalone bootstrap.",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "# Loopback only: clients on this machine, nothing reachable from outside.",
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + escape(logDir.toString()),
                "# One broker: every replication factor and min ISR must be 1 or internal topics never form.",
                "default.replication.factor=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "# Services create their topics from ReasoningTopic; a typo must fail, not create a topic.",
                "auto.create.topics.enable=false",
                "# No point waiting for more group members on a local single-consumer setup.",
                "group.initial.rebalance.delay.ms=0",
                "# Fewer, smaller internal partitions: faster start and less disk for a local broker.",
                "offsets.topic.num.partitions=10",
                "");
    }

    /** Properties-file escaping for values: only backslashes (Windows paths) need it here. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }
}
