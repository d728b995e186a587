package io.reasoner.policy.experiment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sets up the two arms through the policy service's own API: setup A pins every tier to its requested budget
 * (multiplier 1, no cap) with an override; setup B clears the overrides, so the controller's policies apply.
 * Between runs, {@link #awaitSettled} waits for the controller (which keeps running under A's overrides) to have
 * given every tier back all it asks for, so that no run starts with the cuts of the one before.
 */
final class PolicySwitch {

    private static final String[] TIERS = {"interactive", "batch"};

    private final URI policyService;
    private static final Duration POLL = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

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

    /**
     * Waits, at most {@code atMost}, until the controller's multiplier of every tier is at least 1 (under an
     * override, the one in its {@code inputs.controllerMultiplier}). Returns how long it took, or empty if it did
     * not settle in time.
     */
    Optional<Duration> awaitSettled(Duration atMost) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + atMost.toNanos();
        while (true) {
            if (settled()) {
                return Optional.of(Duration.ofNanos(System.nanoTime() - start));
            }
            if (System.nanoTime() + POLL.toNanos() > deadline) {
                return Optional.empty();
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private boolean settled() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(policyService.resolve("/policy"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return false; // 503 while the service starts or rebalances
        }
        JsonNode policies = json.readTree(response.body());
        for (String tier : TIERS) {
            JsonNode policy = policies.path(tier);
            if (policy.isMissingNode()) {
                continue; // nothing published for this tier yet: nothing cut
            }
            double multiplier = "override".equals(policy.path("source").asString())
                    ? policy.path("inputs").path("controllerMultiplier").asDouble(1.0)
                    : policy.path("multiplier").asDouble();
            if (multiplier < 1.0 - 1e-9) {
                return false;
            }
        }
        return true;
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
