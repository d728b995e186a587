package io.reasoner.launcher.platform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One service JVM to start: which service, from which jar, on which HTTP port, with which extra Spring
 * arguments.
 */
public record ServiceSpec(PlatformService service, Path jar, int port, List<String> extraArgs) {

    public ServiceSpec {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(jar, "jar");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be in [1, 65535], was " + port);
        }
        extraArgs = List.copyOf(extraArgs);
        jar = jar.toAbsolutePath().normalize();
    }

    public String name() {
        return service.serviceName();
    }

    /** Everything after {@code java}. */
    public List<String> jvmArgs(String bootstrapServers) {
        List<String> args = new ArrayList<>(List.of(
                // DJL must never download anything at run time (engines, models): the platform runs offline.
                "-Dai.djl.offline=true",
                "-Xmx" + service.maxHeap(),
                "-jar", jar.toString(),
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--server.port=" + port,
                // Outside Kubernetes Spring Boot only exposes the readiness group when asked to; up waits on it.
                "--management.endpoint.health.probes.enabled=true"));
        args.addAll(extraArgs);
        return args;
    }

    public String readinessUrl() {
        return "http://127.0.0.1:" + port + "/actuator/health/readiness";
    }
}
