package io.reasoner.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.reasoner.deploy.ManifestRules.Environment;

/**
 * deploy/ cannot be applied here (no cluster, no Strimzi or KEDA CRDs), so its manifests are checked: every YAML
 * file parses; the base's resources pass the structural schema and rules as written; each overlay is rendered with
 * {@code kubectl kustomize} and its output passes them too. Without kubectl the rendering tests are skipped, unless
 * {@code REASONER_REQUIRE_KUBECTL=true} (set by {@code .ci/run}), when they fail.
 */
class KustomizeOverlaysTest {

    private static final Path DEPLOY = RepoFiles.root().resolve("deploy");

    @Test
    void everyYamlFileUnderDeploy_parses() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(DEPLOY)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") && !p.startsWith(DEPLOY.resolve("checks")))
                    .toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        for (Path file : files) {
            assertThat(RepoFiles.yamlDocuments(RepoFiles.read(file))).as(file.toString()).isNotEmpty();
        }
    }

    @Test
    void baseResources_asWritten_passTheRules() {
        assertThat(ManifestRules.check(baseResources(), Environment.BASE)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Environment.class, names = {"DEV", "GPU"})
    void overlay_renders_andPassesTheRules(Environment env) throws Exception {
        List<JsonNode> rendered = render("overlays/" + env.name().toLowerCase());
        assertThat(rendered).extracting(ManifestRules::id).contains("Deployment/gateway",
                "Deployment/reasoner-worker", "StatefulSet/budget-policy", "Kafka/reasoner-kafka",
                "ScaledObject/reasoner-worker", "NetworkPolicy/default-deny");
        assertThat(rendered).allSatisfy(doc -> assertThat(doc.at("/metadata/namespace").asText())
                .as(ManifestRules.id(doc)).isEqualTo(env == Environment.DEV ? "reasoner-dev" : "reasoner"));
        assertThat(ManifestRules.check(rendered, env)).isEmpty();
    }

    @Test
    void devOverlay_wouldFailTheProductionRules() throws Exception {
        assertThat(ManifestRules.check(render("overlays/dev"), Environment.GPU))
                .anySatisfy(v -> assertThat(v).contains("CUDA image"))
                .anySatisfy(v -> assertThat(v).contains("SASL_SSL"))
                .anySatisfy(v -> assertThat(v).contains("replicas 1"));
    }

    @Test
    void rules_catchBrokenManifests() {
        List<JsonNode> docs = baseResources();
        JsonNode worker = find(docs, "Deployment/reasoner-worker");
        ObjectNode pod = (ObjectNode) worker.at("/spec/template/spec");
        pod.put("terminationGracePeriodSeconds", 30);
        ((ObjectNode) pod.at("/containers/0")).remove("image");
        ((ObjectNode) find(docs, "KafkaTopic/reasoning.budget-policy").at("/spec/config")).put("cleanup.policy", "delete");
        ((ObjectNode) find(docs, "Service/gateway").at("/spec/selector")).put("app.kubernetes.io/name", "gatway");
        ((ArrayNode) find(docs, "NetworkPolicy/reasoner-worker").at("/spec/egress"))
                .addObject().putArray("to").addObject().putObject("ipBlock").put("cidr", "0.0.0.0/0");
        // The collector's namespace, on a port other than OTLP/HTTP's.
        ObjectNode monitoring = ((ArrayNode) find(docs, "NetworkPolicy/budget-policy").at("/spec/egress")).addObject();
        monitoring.putArray("to").addObject().putObject("namespaceSelector").putObject("matchLabels")
                .put("reasoner.io/monitoring", "true");
        monitoring.putArray("ports").addObject().put("port", 9090);
        ((ObjectNode) find(docs, "ScaledObject/reasoner-worker").at("/spec/triggers/0/metadata")).put("lagThreshold", 4);

        assertThat(ManifestRules.check(docs, Environment.BASE))
                .anySatisfy(v -> assertThat(v).contains("terminationGracePeriodSeconds 30"))
                .anySatisfy(v -> assertThat(v).contains("Deployment/reasoner-worker").contains("image"))
                .anySatisfy(v -> assertThat(v).contains("differ from ReasoningTopic"))
                .anySatisfy(v -> assertThat(v).contains("Service/gateway: selects no workload"))
                .anySatisfy(v -> assertThat(v).contains("NetworkPolicy/reasoner-worker: egress to something other"))
                .anySatisfy(v -> assertThat(v).contains("NetworkPolicy/budget-policy: egress to something other")
                        .contains("9090"))
                .anySatisfy(v -> assertThat(v).contains("ScaledObject/reasoner-worker").contains("lagThreshold"));
    }

    /** The base's resource files as written (no kubectl needed); its generated ConfigMap is added by hand. */
    private static List<JsonNode> baseResources() {
        JsonNode kustomization = RepoFiles.yamlFile(DEPLOY.resolve("base/kustomization.yaml"));
        List<JsonNode> docs = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            docs.addAll(RepoFiles.yamlDocuments(RepoFiles.read(DEPLOY.resolve("base").resolve(resource.asText()))));
        }
        ObjectNode config = RepoFiles.JSON.createObjectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
        config.putObject("metadata").put("name", "reasoner-config");
        docs.add(config);
        ObjectNode keys = RepoFiles.JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Secret");
        keys.putObject("metadata").put("name", "reasoner-api-keys");
        docs.add(keys);
        return docs;
    }

    private static JsonNode find(List<JsonNode> docs, String id) {
        return docs.stream().filter(d -> ManifestRules.id(d).equals(id)).findFirst().orElseThrow();
    }

    private static List<JsonNode> render(String folder) throws Exception {
        Optional<Path> kubectl = Kustomize.kubectl();
        if (kubectl.isEmpty()) {
            if ("true".equals(System.getenv("REASONER_REQUIRE_KUBECTL"))) {
                throw new AssertionError("kubectl is not on the PATH, and REASONER_REQUIRE_KUBECTL=true: "
                        + "the Kustomize overlays cannot be rendered");
            }
            Assumptions.abort("kubectl is not on the PATH: deploy/" + folder + " not rendered");
        }
        return Kustomize.render(kubectl.get(), DEPLOY.resolve(folder));
    }
}
