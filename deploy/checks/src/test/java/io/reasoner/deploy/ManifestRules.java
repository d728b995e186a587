package io.reasoner.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SpecVersion;

import io.reasoner.protocol.ReasoningTopic;

/**
 * What the rendered manifests of an environment must satisfy, as a list of violations (empty when all is well):
 * the structural schema of every kind, references that resolve, the topic contract, and the rules of issue 9
 * (GPU workers, drain time, KEDA on the request lag, SASL_SSL in production, network isolation, non-root).
 */
final class ManifestRules {

    /** Which environment the manifests are for; the topic replication and the GPU rules differ. */
    enum Environment {
        BASE(1, false), DEV(1, false), GPU(3, true);

        final int replication;
        final boolean production;

        Environment(int replication, boolean production) {
            this.replication = replication;
            this.production = production;
        }
    }

    /** Secrets that exist without being rendered: made by Strimzi, or by the operator in production. */
    static final Set<String> EXTERNAL_SECRETS = Set.of("reasoner-gateway", "reasoner-worker",
            "reasoner-budget-policy", "keda-reasoner", "reasoner-kafka-cluster-ca-cert");

    private static final JsonSchema SCHEMA = RepoFiles.schema("k8s-structural.json", SpecVersion.VersionFlag.V7);
    private static final Set<String> JAVA_WORKLOADS = Set.of("gateway", "reasoner-worker", "budget-policy");

    private final List<JsonNode> docs;
    private final Environment env;
    private final List<String> violations = new ArrayList<>();

    private ManifestRules(List<JsonNode> docs, Environment env) {
        this.docs = docs;
        this.env = env;
    }

    static List<String> check(List<JsonNode> docs, Environment env) {
        ManifestRules rules = new ManifestRules(docs, env);
        rules.schemaAndNames();
        rules.references();
        rules.topics();
        rules.workloadRules();
        rules.workerRules();
        rules.networkPolicies();
        if (env.production) {
            rules.saslSsl();
        }
        return rules.violations;
    }

    private void schemaAndNames() {
        Set<String> seen = new HashSet<>();
        for (JsonNode doc : docs) {
            String id = id(doc);
            violations.addAll(RepoFiles.violations(SCHEMA, doc, id));
            if (!seen.add(id)) {
                violations.add(id + ": declared twice");
            }
        }
    }

    private void references() {
        Set<String> secrets = new HashSet<>(EXTERNAL_SECRETS);
        if (env == Environment.GPU) {
            secrets.add("reasoner-api-keys"); // created out of band in production (see the overlay)
        }
        names("Secret").forEach(secrets::add);
        Set<String> configMaps = new HashSet<>(names("ConfigMap"));
        Set<String> claims = new HashSet<>(names("PersistentVolumeClaim"));
        for (JsonNode workload : workloads()) {
            String id = id(workload);
            JsonNode pod = workload.at("/spec/template/spec");
            JsonNode labels = workload.at("/spec/template/metadata/labels");
            if (!matches(workload.at("/spec/selector/matchLabels"), labels)) {
                violations.add(id + ": selector does not match the pod template's labels");
            }
            for (JsonNode volume : pod.path("volumes")) {
                require(volume.at("/secret/secretName"), secrets, id + " volume " + volume.path("name").asText());
                require(volume.at("/persistentVolumeClaim/claimName"), claims, id + " volume");
            }
            for (JsonNode container : pod.path("containers")) {
                for (JsonNode from : container.path("envFrom")) {
                    require(from.at("/configMapRef/name"), configMaps, id + " envFrom");
                }
                for (JsonNode env : container.path("env")) {
                    require(env.at("/valueFrom/secretKeyRef/name"), secrets, id + " env " + env.path("name").asText());
                }
                Set<String> volumes = new HashSet<>();
                pod.path("volumes").forEach(v -> volumes.add(v.path("name").asText()));
                workload.at("/spec/volumeClaimTemplates").forEach(v -> volumes.add(v.at("/metadata/name").asText()));
                for (JsonNode mount : container.path("volumeMounts")) {
                    require(mount.path("name"), volumes, id + " volumeMount");
                }
            }
        }
        for (JsonNode doc : docs) {
            String kind = doc.path("kind").asText();
            JsonNode selector = switch (kind) {
                case "Service" -> doc.at("/spec/selector");
                case "PodDisruptionBudget" -> doc.at("/spec/selector/matchLabels");
                default -> null;
            };
            if (selector != null && workloads().stream()
                    .noneMatch(w -> matches(selector, w.at("/spec/template/metadata/labels")))) {
                violations.add(id(doc) + ": selects no workload");
            }
            if (kind.equals("HorizontalPodAutoscaler") || kind.equals("ScaledObject")) {
                String target = doc.at("/spec/scaleTargetRef/name").asText();
                if (workloads().stream().noneMatch(w -> w.at("/metadata/name").asText().equals(target))) {
                    violations.add(id(doc) + ": scales " + target + ", which is not declared");
                }
            }
            if (kind.equals("ScaledObject")) {
                doc.at("/spec/triggers").forEach(t -> require(t.at("/authenticationRef/name"),
                        new HashSet<>(names("TriggerAuthentication")), id(doc) + " authenticationRef"));
            }
            if (kind.equals("TriggerAuthentication")) {
                doc.at("/spec/secretTargetRef").forEach(r -> require(r.path("name"), secrets, id(doc)));
            }
        }
    }

    private void topics() {
        Map<String, String> declared = new TreeMap<>();
        for (ReasoningTopic topic : ReasoningTopic.values()) {
            declared.put(topic.topicName(), topic.partitions() + " partitions, cleanup " + topic.cleanupPolicy()
                    .configValue() + ", replicas " + env.replication);
        }
        Map<String, String> rendered = new TreeMap<>();
        for (JsonNode topic : ofKind("KafkaTopic")) {
            rendered.put(topic.at("/spec/topicName").asText(), topic.at("/spec/partitions").asInt() + " partitions, cleanup "
                    + topic.at("/spec/config/cleanup.policy").asText() + ", replicas " + topic.at("/spec/replicas").asInt());
            if (env.production && topic.at("/spec/config/min.insync.replicas").asInt() != 2) {
                violations.add(id(topic) + ": min.insync.replicas should be 2 with 3 replicas");
            }
        }
        if (!rendered.equals(declared)) {
            violations.add("KafkaTopics " + rendered + " differ from ReasoningTopic " + declared);
        }
        for (JsonNode pool : ofKind("KafkaNodePool")) {
            if (pool.at("/spec/replicas").asInt() < env.replication) {
                violations.add(id(pool) + ": fewer Kafka nodes than the topics' replicas");
            }
        }
    }

    private void workloadRules() {
        for (JsonNode workload : workloads()) {
            String id = id(workload);
            JsonNode pod = workload.at("/spec/template/spec");
            if (!pod.at("/securityContext/runAsNonRoot").asBoolean()) {
                violations.add(id + ": not runAsNonRoot");
            }
            for (JsonNode container : pod.path("containers")) {
                if (!container.at("/securityContext/readOnlyRootFilesystem").asBoolean()) {
                    violations.add(id + ": root file system is writable");
                }
                if (container.at("/resources/limits/memory").isMissingNode()) {
                    violations.add(id + ": no memory limit (the JVM sizes its heap from it)");
                }
                if (!container.at("/livenessProbe/httpGet/path").asText().equals("/actuator/health/liveness")
                        || !container.at("/readinessProbe/httpGet/path").asText().equals("/actuator/health/readiness")) {
                    violations.add(id + ": probes are not the actuator's liveness and readiness groups");
                }
            }
        }
        if (!new HashSet<>(names("Deployment", "StatefulSet")).containsAll(JAVA_WORKLOADS)) {
            violations.add("workloads " + names("Deployment", "StatefulSet") + " lack one of " + JAVA_WORKLOADS);
        }
        for (JsonNode service : ofKind("Service")) {
            if (!service.at("/metadata/name").asText().equals("gateway") && !"None".equals(service.at("/spec/clusterIP").asText())) {
                violations.add(id(service) + ": only the gateway has a routable Service");
            }
        }
    }

    private void workerRules() {
        for (JsonNode worker : named("Deployment", "reasoner-worker")) {
            JsonNode pod = worker.at("/spec/template/spec");
            JsonNode container = pod.at("/containers/0");
            Duration drain = Duration.parse("PT" + env(container, "REASONER_WORKER_DRAIN_GRACE", "30s").toUpperCase());
            Duration handover = Duration.parse("PT" + env(container, "REASONER_WORKER_HANDOVER_WAIT", "10s").toUpperCase());
            long grace = pod.path("terminationGracePeriodSeconds").asLong();
            if (grace < drain.plus(handover).toSeconds()) {
                violations.add("worker: terminationGracePeriodSeconds " + grace + " < drain " + drain + " + handover "
                        + handover);
            }
            boolean modelsReadOnly = false;
            for (JsonNode mount : container.path("volumeMounts")) {
                modelsReadOnly |= mount.path("mountPath").asText().equals("/models") && mount.path("readOnly").asBoolean();
            }
            if (!modelsReadOnly || !container.path("args").toString().contains("--reasoner.worker.model-path=/models/")) {
                violations.add("worker: no read-only model volume at /models passed as reasoner.worker.model-path");
            }
            boolean gpu = container.at("/resources/limits/nvidia.com~1gpu").asInt() >= 1
                    && pod.at("/nodeSelector").toString().contains("nvidia.com/gpu")
                    && pod.at("/tolerations").toString().contains("nvidia.com/gpu");
            boolean cuda = container.path("image").asText().contains("/worker-cuda:")
                    && env(container, "REASONER_WORKER_DEVICE", "cpu").startsWith("gpu");
            if (env.production && !(gpu && cuda)) {
                violations.add("worker: production workers need the CUDA image with REASONER_WORKER_DEVICE=gpu, an "
                        + "nvidia.com/gpu limit, the GPU node selector and toleration");
            }
            if (!env.production && (gpu || cuda)) {
                violations.add("worker: a CPU environment asks for GPUs or the CUDA image");
            }
        }
        List<JsonNode> scaled = named("ScaledObject", "reasoner-worker");
        if (scaled.size() != 1) {
            violations.add("no KEDA ScaledObject for the workers");
        }
        for (JsonNode so : scaled) {
            JsonNode trigger = so.at("/spec/triggers/0");
            if (!trigger.path("type").asText().equals("kafka")
                    || !trigger.at("/metadata/topic").asText().equals(ReasoningTopic.REQUESTS.topicName())
                    || !trigger.at("/metadata/consumerGroup").asText().equals("reasoner-workers")) {
                violations.add(id(so) + ": should scale on the lag of reasoner-workers on reasoning.requests");
            }
            if (so.at("/spec/maxReplicaCount").asInt() > ReasoningTopic.REQUESTS.partitions()) {
                violations.add(id(so) + ": more workers than reasoning.requests has partitions");
            }
        }
    }

    private void networkPolicies() {
        List<JsonNode> policies = ofKind("NetworkPolicy");
        if (policies.stream().noneMatch(p -> p.at("/spec/podSelector").isEmpty()
                && p.at("/spec/policyTypes").toString().contains("Ingress") && p.at("/spec/ingress").isMissingNode())) {
            violations.add("no default-deny ingress NetworkPolicy");
        }
        for (JsonNode policy : policies) {
            String app = policy.at("/spec/podSelector/matchLabels/app.kubernetes.io~1name").asText();
            for (JsonNode rule : policy.at("/spec/ingress")) {
                if (rule.path("from").isMissingNode() && !app.equals("gateway")) {
                    violations.add(id(policy) + ": only the gateway may take traffic from anywhere");
                }
            }
            if (app.equals("reasoner-worker") || app.equals("budget-policy")) {
                if (!policy.at("/spec/policyTypes").toString().contains("Egress")) {
                    violations.add(id(policy) + ": egress is not restricted");
                }
                for (JsonNode rule : policy.at("/spec/egress")) {
                    String to = rule.path("to").toString();
                    boolean kafka = to.contains("\"strimzi.io/cluster\":\"reasoner-kafka\"");
                    boolean dns = to.contains("kube-dns") && rule.path("ports").toString().contains("53");
                    if (!kafka && !dns && !otlpCollector(rule)) {
                        violations.add(id(policy) + ": egress to something other than Kafka, DNS and the "
                                + "trace collector: " + rule);
                    }
                }
            }
        }
    }

    /** Egress to the monitoring namespace on the OTLP/HTTP port (4318) and nothing else: spans to a collector. */
    private static boolean otlpCollector(JsonNode rule) {
        JsonNode to = rule.path("to");
        JsonNode ports = rule.path("ports");
        return to.size() == 1 && to.get(0).size() == 1
                && to.get(0).at("/namespaceSelector/matchLabels/reasoner.io~1monitoring").asText().equals("true")
                && ports.size() == 1 && ports.get(0).path("port").asInt() == 4318;
    }

    private void saslSsl() {
        JsonNode config = ofKind("ConfigMap").stream().filter(c -> c.at("/metadata/name").asText().startsWith("reasoner-config"))
                .findFirst().map(c -> c.path("data")).orElse(null);
        if (config == null || !config.path("SPRING_KAFKA_SECURITY_PROTOCOL").asText().equals("SASL_SSL")
                || config.path("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM").asText().isEmpty()
                || config.path("SPRING_KAFKA_SSL_TRUST_STORE_LOCATION").asText().isEmpty()) {
            violations.add("reasoner-config: production clients need SASL_SSL, a SASL mechanism and a trust store");
        }
        for (JsonNode workload : workloads()) {
            JsonNode container = workload.at("/spec/template/spec/containers/0");
            if (!container.path("env").toString().contains("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")) {
                violations.add(id(workload) + ": no SASL credentials (SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG)");
            }
        }
        for (JsonNode kafka : ofKind("Kafka")) {
            for (JsonNode listener : kafka.at("/spec/kafka/listeners")) {
                if (!listener.path("tls").asBoolean() || listener.at("/authentication/type").isMissingNode()) {
                    violations.add(id(kafka) + ": listener " + listener.path("name").asText()
                            + " is not TLS with authentication");
                }
            }
        }
    }

    private List<JsonNode> workloads() {
        return filter(d -> d.path("kind").asText().matches("Deployment|StatefulSet"));
    }

    private List<JsonNode> ofKind(String kind) {
        return filter(d -> d.path("kind").asText().equals(kind));
    }

    private List<JsonNode> named(String kind, String name) {
        return filter(d -> d.path("kind").asText().equals(kind) && d.at("/metadata/name").asText().equals(name));
    }

    private List<String> names(String... kinds) {
        Set<String> wanted = Set.of(kinds);
        return filter(d -> wanted.contains(d.path("kind").asText())).stream()
                .map(d -> d.at("/metadata/name").asText()).toList();
    }

    private List<JsonNode> filter(Predicate<JsonNode> which) {
        return docs.stream().filter(which).toList();
    }

    private void require(JsonNode name, Set<String> known, String where) {
        if (!name.isMissingNode() && !known.contains(name.asText())) {
            violations.add(where + ": refers to " + name.asText() + ", which is not declared");
        }
    }

    private static boolean matches(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) selector::fields) {
            if (!field.getValue().equals(labels.path(field.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static String env(JsonNode container, String name, String fallback) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals(name)) {
                return env.path("value").asText();
            }
        }
        return fallback;
    }

    static String id(JsonNode doc) {
        return doc.path("kind").asText() + "/" + doc.at("/metadata/name").asText();
    }
}
