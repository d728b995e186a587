package io.reasoner.it;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A minimal SSE reader for tests: collects events until the server closes the stream, within a time bound. */
final class SseClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String apiKey;

    SseClient() {
        this(Platform.API_KEY);
    }

    SseClient(String apiKey) {
        this.apiKey = apiKey;
    }

    List<SseEvent> readAll(URI uri, String lastEventId, Duration within) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + apiKey).GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new AssertionError("events answered " + response.statusCode() + ": "
                    + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        CompletableFuture<List<SseEvent>> events = CompletableFuture.supplyAsync(() -> parse(response.body()));
        try {
            return events.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            response.body().close();
        }
    }

    /**
     * Reads in the background, handing each event to {@code sink} as it arrives; the future completes when the
     * server ends the stream or the connection breaks (a gateway that stops), with the events read until then.
     */
    CompletableFuture<List<SseEvent>> follow(URI uri, java.util.function.Consumer<SseEvent> sink) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + apiKey).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new AssertionError("events answered " + response.statusCode());
        }
        return CompletableFuture.supplyAsync(() -> {
            List<SseEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
            try {
                parse(response.body(), event -> {
                    events.add(event);
                    sink.accept(event);
                });
            } catch (java.io.UncheckedIOException broken) {
                // The connection broke: what was read stays read.
            }
            return events;
        });
    }

    private static List<SseEvent> parse(InputStream body) {
        List<SseEvent> events = new ArrayList<>();
        parse(body, events::add);
        return events;
    }

    private static void parse(InputStream body, java.util.function.Consumer<SseEvent> events) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String name = "message";
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.accept(new SseEvent(id, name, data.toString()));
                    }
                    id = null;
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
