package io.reasoner.launcher.platform;

import io.reasoner.launcher.LocalApiKey;
import io.reasoner.launcher.RepoLayout;
import io.reasoner.launcher.broker.BrokerSettings;
import io.reasoner.launcher.broker.KafkaBrokerProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code up} runs and where: the broker on the fixed local ports and the three services, all with logs,
 * pid files and data under {@code .reasoner/}. {@code down} uses the same plan to know what a pid should be.
 */
public record PlatformPlan(RepoLayout layout, BrokerSettings broker, List<ServiceSpec> services) {

    public static final String BROKER_NAME = "kafka";
    /** Argument the worker reads its model file from. */
    static final String WORKER_MODEL_ARG = "--reasoner.worker.model-path=";
    /** The policy service's Kafka Streams state lives with the rest of the local state, not in the OS temp dir. */
    static final String POLICY_STATE_ARG = "--reasoner.policy.state-dir=";
    /**
     * The model file the gateway reads its tokenizer and context length from (metadata only, never weights), to
     * refuse prompts that fill the context and to fit the default answer cap to it (s1-mini's context is 512).
     */
    static final String GATEWAY_MODEL_ARG = "--reasoner.gateway.model-path=";
    /** The gateway's map of API key to tenant. */
    static final String API_KEY_ARG = "--reasoner.gateway.auth.keys";

    public PlatformPlan {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(broker, "broker");
        services = List.copyOf(services);
        Set<Integer> ports = new HashSet<>(List.of(broker.port(), broker.controllerPort()));
        for (ServiceSpec service : services) {
            if (!ports.add(service.port())) {
                throw new IllegalArgumentException("port " + service.port() + " of " + service.name()
                        + " is already taken by another part of the platform; ports in use: " + ports);
            }
        }
    }

    /**
     * @param model       the model file the worker serves
     * @param gatewayPort the gateway's HTTP port; the worker and budget policy keep their defaults
     */
    public static PlatformPlan of(RepoLayout layout, Path model, int gatewayPort) {
        return of(layout, model, gatewayPort, null);
    }

    /**
     * @param apiKey the key the gateway accepts, for tenant {@value LocalApiKey#TENANT}; null for none
     */
    public static PlatformPlan of(RepoLayout layout, Path model, int gatewayPort, String apiKey) {
        String modelPath = model.toAbsolutePath().normalize().toString();
        List<String> gatewayArgs = new java.util.ArrayList<>(List.of(GATEWAY_MODEL_ARG + modelPath));
        if (apiKey != null) {
            // Brackets keep the key's characters as they are when Spring binds the map.
            gatewayArgs.add(API_KEY_ARG + "[" + apiKey + "]=" + LocalApiKey.TENANT);
        }
        return new PlatformPlan(layout, brokerSettings(layout), List.of(
                new ServiceSpec(PlatformService.GATEWAY, PlatformService.GATEWAY.jar(layout), gatewayPort,
                        gatewayArgs),
                new ServiceSpec(PlatformService.REASONER_WORKER, PlatformService.REASONER_WORKER.jar(layout),
                        PlatformService.REASONER_WORKER.defaultPort(),
                        List.of(WORKER_MODEL_ARG + modelPath)),
                new ServiceSpec(PlatformService.BUDGET_POLICY, PlatformService.BUDGET_POLICY.jar(layout),
                        PlatformService.BUDGET_POLICY.defaultPort(),
                        List.of(POLICY_STATE_ARG + layout.stateDir().resolve("policy-state")))));
    }

    /** The broker of {@code up}: fixed ports 9092/9093, data in {@code .reasoner/kafka}. */
    public static BrokerSettings brokerSettings(RepoLayout layout) {
        return new BrokerSettings(layout.kafkaDataDir(), layout.kafkaLibs(), BrokerSettings.DEFAULT_PORT,
                BrokerSettings.DEFAULT_CONTROLLER_PORT, layout.logFile(BROKER_NAME), layout.pidFile(BROKER_NAME),
                BrokerSettings.DEFAULT_START_TIMEOUT);
    }

    public ServiceSpec gateway() {
        return services.stream().filter(service -> service.service() == PlatformService.GATEWAY).findFirst()
                .orElseThrow(() -> new IllegalStateException("the plan has no gateway"));
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + broker.port();
    }

    /**
     * What the command line of the process recorded under {@code name} must contain: the broker's main class
     * and config path, or the service's jar path. Unknown names have no markers.
     */
    public static Optional<String[]> commandLineMarkers(RepoLayout layout, String name) {
        if (BROKER_NAME.equals(name)) {
            return Optional.of(KafkaBrokerProcess.commandLineMarkers(brokerSettings(layout)));
        }
        return PlatformService.byName(name).map(service -> new String[] {service.jar(layout).toString()});
    }
}
