package io.reasoner.launcher.broker;

import io.reasoner.launcher.LauncherException;
import io.reasoner.launcher.RepoLayout;
import io.reasoner.launcher.process.ChildProcess;
import io.reasoner.launcher.process.JavaProcessLauncher;
import io.reasoner.launcher.process.PidFile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a real Apache Kafka broker as its own JVM ({@code kafka.Kafka}) in KRaft combined mode, from the jars the
 * build copies into {@code kafka-broker-runtime/target/kafka-libs}. No Docker, no in-process broker: what the
 * services talk to is the same server binary a production cluster runs.
 *
 * <p>The data folder is formatted once (when {@code meta.properties} is absent) and reused by later starts.
 */
public final class KafkaBrokerProcess {

    /** Main class of the broker; also what {@code down} expects in the command line of a recorded pid. */
    public static final String MAIN_CLASS = "kafka.Kafka";
    static final String BROKER_HEAP = "-Xmx512m";

    private KafkaBrokerProcess() {
    }

    /**
     * The broker classpath folder under {@code repoRoot}, checked to hold the broker jar.
     *
     * @throws LauncherException if the build has not produced it yet
     */
    public static Path kafkaLibs(Path repoRoot) {
        Path libs = new RepoLayout(repoRoot).kafkaLibs();
        requireKafkaLibs(libs);
        return libs;
    }

    /**
     * Formats the data folder if needed, starts the broker and waits until it serves {@code describeCluster}.
     * On failure the broker process is stopped and the exception carries the tail of its log.
     */
    public static RunningBroker start(BrokerSettings settings) {
        requireKafkaLibs(settings.kafkaLibs());
        int port = settings.port() == 0 ? LocalPorts.freePort() : settings.port();
        int controllerPort = settings.controllerPort() == 0 ? freePortOtherThan(port) : settings.controllerPort();
        LocalPorts.requireFree(port, "Kafka client listener");
        LocalPorts.requireFree(controllerPort, "Kafka controller listener");
        BrokerConfigFiles.write(settings, port, controllerPort);
        StorageFormatter.formatIfNeeded(settings);
        ChildProcess process = JavaProcessLauncher.start("kafka", brokerCommand(settings), settings.dataDir(),
                settings.logFile(), new PidFile(settings.pidFile()));
        RunningBroker broker = new RunningBroker(process, port, controllerPort);
        try {
            BrokerReadiness.await(broker, settings.startTimeout());
        } catch (RuntimeException e) {
            try {
                broker.close();
            } catch (RuntimeException stopFailure) {
                e.addSuppressed(stopFailure);
            }
            throw e;
        }
        return broker;
    }

    /** The strings {@code down} looks for in a recorded broker pid's command line. */
    public static String[] commandLineMarkers(BrokerSettings settings) {
        return new String[] {MAIN_CLASS, settings.serverProperties().toString()};
    }

    static List<String> brokerCommand(BrokerSettings settings) {
        return List.of(
                BROKER_HEAP,
                "-Dlog4j2.configurationFile=" + BrokerConfigFiles.log4j2Config(settings),
                "-cp", classpath(settings),
                MAIN_CLASS,
                settings.serverProperties().toString());
    }

    /** The {@code dir/*} wildcard: the java launcher expands it, so the command line stays short. */
    static String classpath(BrokerSettings settings) {
        return settings.kafkaLibs() + java.io.File.separator + "*";
    }

    private static int freePortOtherThan(int taken) {
        int candidate = LocalPorts.freePort();
        // freePort() may hand back the port just chosen for clients, since nothing is bound to it yet.
        return candidate != taken ? candidate : LocalPorts.freePort();
    }

    private static void requireKafkaLibs(Path libs) {
        if (!Files.isDirectory(libs) || !containsBrokerJar(libs)) {
            throw new LauncherException("Kafka broker libraries not found in " + libs
                    + "; run ./mvnw -B -ntp -DskipTests package first");
        }
    }

    private static boolean containsBrokerJar(Path libs) {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(libs, "kafka_2.13-*.jar")) {
            return jars.iterator().hasNext();
        } catch (IOException e) {
            throw new LauncherException("cannot list " + libs, e);
        }
    }
}
