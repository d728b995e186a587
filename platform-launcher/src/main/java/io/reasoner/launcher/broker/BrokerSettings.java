package io.reasoner.launcher.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run one single-node KRaft broker.
 *
 * @param dataDir        holds server.properties, the log4j2 config and the log directory; reused across starts
 * @param kafkaLibs      the broker's classpath folder ({@code kafka-broker-runtime/target/kafka-libs})
 * @param port           client (PLAINTEXT) port on 127.0.0.1; 0 picks a free one at start
 * @param controllerPort KRaft controller port on 127.0.0.1; 0 picks a free one at start
 * @param logFile        where the broker JVM's stdout and stderr go
 * @param pidFile        where its pid is recorded
 * @param startTimeout   how long to wait for the broker to answer {@code describeCluster}
 */
public record BrokerSettings(
        Path dataDir,
        Path kafkaLibs,
        int port,
        int controllerPort,
        Path logFile,
        Path pidFile,
        Duration startTimeout) {

    public static final int DEFAULT_PORT = 9092;
    public static final int DEFAULT_CONTROLLER_PORT = 9093;
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration MAX_START_TIMEOUT = Duration.ofMinutes(10);

    public BrokerSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(kafkaLibs, "kafkaLibs");
        checkPort("port", port);
        checkPort("controllerPort", controllerPort);
        if (port != 0 && port == controllerPort) {
            throw new IllegalArgumentException("port and controllerPort must differ, both were " + port);
        }
        Objects.requireNonNull(logFile, "logFile");
        Objects.requireNonNull(pidFile, "pidFile");
        Objects.requireNonNull(startTimeout, "startTimeout");
        if (startTimeout.isNegative() || startTimeout.isZero() || startTimeout.compareTo(MAX_START_TIMEOUT) > 0) {
            throw new IllegalArgumentException("startTimeout must be in (0, " + MAX_START_TIMEOUT + "], was "
                    + startTimeout);
        }
        dataDir = dataDir.toAbsolutePath().normalize();
        kafkaLibs = kafkaLibs.toAbsolutePath().normalize();
    }

    /**
     * A broker on free ports with everything (log and pid file included) inside {@code dataDir}: what tests want.
     *
     * @param repoRoot the repository root, for {@link KafkaBrokerProcess#kafkaLibs(Path)}
     */
    public static BrokerSettings ephemeral(Path dataDir, Path repoRoot) {
        return new BrokerSettings(dataDir, KafkaBrokerProcess.kafkaLibs(repoRoot), 0, 0,
                dataDir.resolve("broker.log"), dataDir.resolve("kafka.pid"), DEFAULT_START_TIMEOUT);
    }

    public BrokerSettings withPorts(int newPort, int newControllerPort) {
        return new BrokerSettings(dataDir, kafkaLibs, newPort, newControllerPort, logFile, pidFile, startTimeout);
    }

    public BrokerSettings withFiles(Path newLogFile, Path newPidFile) {
        return new BrokerSettings(dataDir, kafkaLibs, port, controllerPort, newLogFile, newPidFile, startTimeout);
    }

    /** The broker's own config file; its path is also what identifies the broker's command line. */
    public Path serverProperties() {
        return dataDir.resolve("server.properties");
    }

    /** Kafka's {@code log.dirs}: topic data and {@code meta.properties}. */
    public Path logDir() {
        return dataDir.resolve("log");
    }

    private static void checkPort(String name, int value) {
        if (value < 0 || value > 65_535) {
            throw new IllegalArgumentException(name + " must be in [0, 65535], was " + value);
        }
    }
}
