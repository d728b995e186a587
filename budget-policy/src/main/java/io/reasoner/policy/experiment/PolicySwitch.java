package io.reasoner.policy.experiment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sets up the two arms through the policy service's own API: setup A pins every tier to its requested budget
 * (multiplier 1, no cap) with an override; setup B clears the overrides, so the controller's policies apply.
 */
final class PolicySwitch {

    private static final String[] TIERS = {"interactive", "batch"};

    private final URI policyService;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    PolicySwitch(URI policyService) {
        this.policyService = Loopback.require(policyService);
    }

    void fixed(Duration forAtLeast) throws IOException, InterruptedException {
        String body = "{\"maxThinkingTokens\":32768,\"multiplier\":1.0,\"extensionsAllowed\":64,\"ttlSeconds\":"
                + Math.max(60, forAtLeast.toSeconds()) + ",\"reason\":\"experiment setup A: fixed budgets\"}";
        for (String tier : TIERS) {
            expect202(HttpRequest.newBuilder(policyService.resolve("/policy/" + tier + "/override"))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
        }
    }

    void adaptive() throws IOException, InterruptedException {
        for (String tier : TIERS) {
            expect202(HttpRequest.newBuilder(policyService.resolve("/policy/" + tier + "/override")).DELETE());
        }
    }

    private void expect202(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("policy service answered " + response.statusCode() + ": "
                    + response.body());
        }
    }
}
