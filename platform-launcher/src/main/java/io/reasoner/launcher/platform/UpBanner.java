package io.reasoner.launcher.platform;

import io.reasoner.launcher.LocalApiKey;
import io.reasoner.launcher.model.ResolvedModel;
import java.time.Duration;
import java.util.Locale;

/** What {@code up} prints once everything is ready: where things are and commands to paste. */
final class UpBanner {

    /** A question s1-mini, the default model, was trained to reason about; its answer can be checked by hand. */
    static final String EXAMPLE_PROMPT = "What is 496 + 840?";

    private UpBanner() {
    }

    static String text(PlatformPlan plan, ResolvedModel model, Duration tookToReady) {
        return text(plan, model, tookToReady, null);
    }

    /** @param apiKey the gateway's key, shown and put in the examples; null if the gateway has none */
    static String text(PlatformPlan plan, ResolvedModel model, Duration tookToReady, String apiKey) {
        String auth = apiKey == null ? "" : " -H 'Authorization: Bearer " + apiKey + "'";
        String gateway = "http://127.0.0.1:" + plan.gateway().port();
        StringBuilder text = new StringBuilder();
        String n = System.lineSeparator();
        text.append(n).append(String.format(Locale.ROOT, "Reasoner is up (ready in %.1f s).",
                tookToReady.toMillis() / 1000.0)).append(n);
        text.append("  gateway  ").append(gateway).append(n);
        for (ServiceSpec service : plan.services()) {
            if (service.service() == PlatformService.GATEWAY) {
                continue;
            }
            text.append("  ").append(service.name()).append(" on port ").append(service.port()).append(n);
        }
        text.append("  kafka    ").append(plan.bootstrapServers()).append(n);
        text.append("  model    ").append(model.path()).append(n);
        text.append("  logs     ").append(plan.layout().logsDir()).append(n);
        if (apiKey != null) {
            text.append("  api key  ").append(apiKey).append("  (saved in ")
                    .append(LocalApiKey.file(plan.layout())).append("; ./reasoner ask sends it)").append(n);
        }
        text.append(n);
        text.append("Submit a question (the reply's \"id\" names the request):").append(n);
        text.append("  curl -N -X POST ").append(gateway).append("/v1/reasoning").append(auth)
                .append(" -H 'Content-Type: application/json'")
                .append(" -d '{\"prompt\":\"").append(EXAMPLE_PROMPT)
                .append("\",\"budget\":{\"maxThinkingTokens\":256,\"maxAnswerTokens\":32}}'").append(n);
        text.append("then stream its events, putting that id in place of <id>:").append(n);
        text.append("  curl -N").append(auth).append(' ').append(gateway).append("/v1/reasoning/<id>/events")
                .append(n);
        String url = plan.gateway().port() != PlatformService.GATEWAY.defaultPort() ? " --url " + gateway : "";
        text.append("or do both in one go:").append(n);
        text.append("  ./reasoner ask \"").append(EXAMPLE_PROMPT).append('"').append(url).append(n);
        text.append("and with one forced \"Wait\" when the model first tries to stop thinking:").append(n);
        text.append("  ./reasoner ask \"").append(EXAMPLE_PROMPT).append("\" --extensions 1").append(url).append(n);
        text.append(n);
        text.append("Press Ctrl-C to stop everything (or run ./reasoner down in another terminal).").append(n);
        return text.toString();
    }
}
