package io.reasoner.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.reasoner.launcher.RepoLayout;
import io.reasoner.launcher.model.ResolvedModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformPlanTest {

    @TempDir
    Path root;

    @Test
    void plan_runsEachServiceFromItsExecJar_againstTheLocalBroker() {
        RepoLayout layout = new RepoLayout(root);
        PlatformPlan plan = PlatformPlan.of(layout, root.resolve("m.gguf"), 8080);

        assertThat(plan.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(plan.services()).extracting(ServiceSpec::name, ServiceSpec::port).containsExactly(
                tuple("gateway", 8080),
                tuple("reasoner-worker", 8081),
                tuple("budget-policy", 8082));
        assertThat(plan.gateway().jvmArgs(plan.bootstrapServers())).containsSubsequence(
                "-Dai.djl.offline=true",
                "-jar", root.resolve("gateway/target/gateway-exec.jar").toString(),
                "--spring.kafka.bootstrap-servers=127.0.0.1:9092",
                "--server.port=8080");
    }

    @Test
    void worker_isToldWhichModelToServe() {
        Path model = root.resolve("models/m.gguf");
        PlatformPlan plan = PlatformPlan.of(new RepoLayout(root), model, 8080);

        List<String> workerArgs = plan.services().get(1).jvmArgs(plan.bootstrapServers());

        assertThat(workerArgs).contains("--reasoner.worker.model-path=" + model, "-Xmx1g");
        assertThat(plan.gateway().jvmArgs(plan.bootstrapServers()))
                .noneMatch(arg -> arg.startsWith("--reasoner.worker"));
    }

    @Test
    void gateway_isToldTheSameModel_toCountPromptTokens() {
        Path model = root.resolve("models/m.gguf");
        PlatformPlan plan = PlatformPlan.of(new RepoLayout(root), model, 8080, "rsk_k");

        assertThat(plan.gateway().jvmArgs(plan.bootstrapServers()))
                .contains("--reasoner.gateway.model-path=" + model, "--reasoner.gateway.auth.keys[rsk_k]=local");
    }

    @Test
    void plan_keepsAllStateUnderDotReasoner() {
        RepoLayout layout = new RepoLayout(root);
        PlatformPlan plan = PlatformPlan.of(layout, root.resolve("m.gguf"), 8080);

        assertThat(plan.broker().dataDir()).isEqualTo(root.resolve(".reasoner/kafka"));
        assertThat(plan.broker().logFile()).isEqualTo(root.resolve(".reasoner/logs/kafka.log"));
        assertThat(plan.broker().pidFile()).isEqualTo(root.resolve(".reasoner/run/kafka.pid"));
    }

    @Test
    void gatewayOnTheBrokersPort_isRejected() {
        assertThatThrownBy(() -> PlatformPlan.of(new RepoLayout(root), root.resolve("m.gguf"), 9092))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port 9092 of gateway");
    }

    @Test
    void banner_showsTheGatewayAndPasteableCommands() {
        PlatformPlan plan = PlatformPlan.of(new RepoLayout(root), root.resolve("m.gguf"), 8080);
        ResolvedModel model = new ResolvedModel(root.resolve("m.gguf"), ResolvedModel.Source.SHARED);

        String banner = UpBanner.text(plan, model, Duration.ofMillis(12_345));

        assertThat(banner).contains("ready in 12.3 s", "http://127.0.0.1:8080",
                "curl -N -X POST http://127.0.0.1:8080/v1/reasoning -H 'Content-Type: application/json' -d "
                        + "'{\"prompt\":\"What is 496 + 840?\",\"budget\":{\"maxThinkingTokens\":256,"
                        + "\"maxAnswerTokens\":32}}'",
                "curl -N http://127.0.0.1:8080/v1/reasoning/<id>/events",
                "./reasoner ask \"What is 496 + 840?\"", "./reasoner ask \"What is 496 + 840?\" --extensions 1");
    }

    @Test
    void banner_forAnotherGatewayPort_pointsAskAtIt() {
        PlatformPlan plan = PlatformPlan.of(new RepoLayout(root), root.resolve("m.gguf"), 9000);
        ResolvedModel model = new ResolvedModel(root.resolve("m.gguf"), ResolvedModel.Source.SHARED);

        assertThat(UpBanner.text(plan, model, Duration.ofSeconds(1)))
                .contains("./reasoner ask \"What is 496 + 840?\" --url http://127.0.0.1:9000");
    }

    @Test
    void withApiKey_gatewayGetsIt_andBannerShowsItInEveryCurl() {
        String key = "rsk_0123456789abcdef0123456789abcdef";
        PlatformPlan plan = PlatformPlan.of(new RepoLayout(root), root.resolve("m.gguf"), 8080, key);
        ResolvedModel model = new ResolvedModel(root.resolve("m.gguf"), ResolvedModel.Source.SHARED);

        String banner = UpBanner.text(plan, model, Duration.ofSeconds(1), key);

        assertThat(plan.gateway().jvmArgs(plan.bootstrapServers()))
                .contains("--reasoner.gateway.auth.keys[" + key + "]=local");
        assertThat(plan.services().get(1).jvmArgs(plan.bootstrapServers())).noneMatch(arg -> arg.contains(key));
        assertThat(banner).contains("api key  " + key,
                "curl -N -X POST http://127.0.0.1:8080/v1/reasoning -H 'Authorization: Bearer " + key + "'",
                "curl -N -H 'Authorization: Bearer " + key + "' http://127.0.0.1:8080/v1/reasoning/<id>/events");
    }
}
