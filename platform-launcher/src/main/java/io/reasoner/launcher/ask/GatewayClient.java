package io.reasoner.launcher.ask;

import io.reasoner.launcher.LauncherException;
import io.reasoner.protocol.Budget;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The two gateway calls {@code ask} makes: submit a question, then stream its events. */
final class GatewayClient {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Submitting waits for the broker to acknowledge the request; seconds, unless something is wrong. */
    static final Duration SUBMIT_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient client;
    private final JsonMapper json;
    private final String apiKey;

    GatewayClient(URI base, HttpClient client, JsonMapper json) {
        this(base, client, json, null);
    }

    /** @param apiKey sent as {@code Authorization: Bearer} on every call; null sends none */
    GatewayClient(URI base, HttpClient client, JsonMapper json, String apiKey) {
        this.apiKey = apiKey;
        this.base = Objects.requireNonNull(base, "base");
        this.client = Objects.requireNonNull(client, "client");
        this.json = Objects.requireNonNull(json, "json");
    }

    static HttpClient defaultHttpClient() {
        return HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    Submission submit(String prompt, Budget budget) throws InterruptedException {
        ObjectNode body = json.createObjectNode();
        body.put("prompt", prompt);
        body.putObject("budget")
                .put("maxThinkingTokens", budget.maxThinkingTokens())
                .put("minThinkingTokens", budget.minThinkingTokens())
                .put("extensions", budget.extensions())
                .put("maxAnswerTokens", budget.maxAnswerTokens());
        HttpRequest request = authorized(HttpRequest.newBuilder(base.resolve("/v1/reasoning")))
                .timeout(SUBMIT_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw unreachable(e);
        }
        if (response.statusCode() != 202) {
            throw new LauncherException("the gateway refused the question: HTTP " + response.statusCode()
                    + describeProblem(response.body()));
        }
        return parseSubmission(response.body());
    }

    /**
     * Opens the event stream. Lines arrive on {@code lines} as the gateway sends them; a non-200 answer or a
     * failed connection arrives there as a failure.
     */
    CompletableFuture<HttpResponse<Void>> openEvents(URI events, EventLines lines) {
        HttpRequest request = authorized(HttpRequest.newBuilder(events))
                .header("Accept", "text/event-stream")
                .timeout(SUBMIT_TIMEOUT)
                .GET()
                .build();
        HttpResponse.BodyHandler<Void> handler = info -> {
            if (info.statusCode() != 200) {
                return BodySubscribers.mapping(BodySubscribers.ofString(StandardCharsets.UTF_8), body -> {
                    lines.fail("the gateway refused the event stream: HTTP " + info.statusCode()
                            + describeProblem(body), null);
                    return null;
                });
            }
            return BodySubscribers.fromLineSubscriber(lines);
        };
        CompletableFuture<HttpResponse<Void>> response = client.sendAsync(request, handler);
        response.whenComplete((done, error) -> {
            if (error != null) {
                lines.fail(unreachable(error).getMessage(), error);
            }
        });
        return response;
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return apiKey == null ? request : request.header("Authorization", "Bearer " + apiKey);
    }

    Submission parseSubmission(String body) {
        try {
            JsonNode node = json.readTree(body);
            String id = node.path("id").asString("");
            String events = node.path("events").asString("");
            URI eventsUri = base.resolve(events.isBlank() ? "/v1/reasoning/" + id + "/events" : events);
            return new Submission(id, node.path("status").asString(""), eventsUri);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new LauncherException("the gateway's answer is not the expected {\"id\",\"status\",\"events\"}"
                    + " JSON: " + body, e);
        }
    }

    /** " (detail)" from a problem+json body, or the raw body, or nothing. */
    private String describeProblem(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode problem = json.readTree(body);
            String detail = problem.path("detail").asString(problem.path("title").asString(""));
            return detail.isBlank() ? ": " + body : ": " + detail;
        } catch (JacksonException e) {
            return ": " + body;
        }
    }

    private LauncherException unreachable(Throwable error) {
        Throwable cause = error.getCause() != null && !(error instanceof IOException) ? error.getCause() : error;
        if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
            return new LauncherException("cannot reach the gateway at " + base + "; start it with ./reasoner up",
                    cause);
        }
        return new LauncherException("talking to the gateway at " + base + " failed: " + cause, cause);
    }
}
