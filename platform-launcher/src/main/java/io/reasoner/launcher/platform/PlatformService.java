package io.reasoner.launcher.platform;

import io.reasoner.launcher.RepoLayout;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The three service JVMs {@code up} runs, in stop order: the gateway first (no new requests), the broker after
 * all of them. Each is a Spring Boot exec jar built by its module.
 */
public enum PlatformService {
    GATEWAY("gateway", 8080, "384m"),
    REASONER_WORKER("reasoner-worker", 8081, "1g"),
    BUDGET_POLICY("budget-policy", 8082, "256m");

    private final String serviceName;
    private final int defaultPort;
    private final String maxHeap;

    PlatformService(String serviceName, int defaultPort, String maxHeap) {
        this.serviceName = serviceName;
        this.defaultPort = defaultPort;
        this.maxHeap = maxHeap;
    }

    /** The module name, also used for its log file, pid file and jar name. */
    public String serviceName() {
        return serviceName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /**
     * The JVM heap cap. The worker's is the largest: model weights and tokens pass through the heap on their
     * way to native memory.
     */
    public String maxHeap() {
        return maxHeap;
    }

    public Path jar(RepoLayout layout) {
        return layout.root().resolve(serviceName).resolve("target").resolve(serviceName + "-exec.jar");
    }

    /** The service whose pid file has this name, if any. */
    public static Optional<PlatformService> byName(String name) {
        for (PlatformService service : values()) {
            if (service.serviceName.equals(name)) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }
}
