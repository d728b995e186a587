package io.reasoner.launcher.ask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.reasoner.launcher.LauncherException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs {@code ask} against a fake gateway that speaks the real wire format. */
class AskCommandTest {

    private static final String ID = "r-1";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicReference<String> submitted = new AtomicReference<>();
    private final AtomicReference<String> acceptHeader = new AtomicReference<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void ask_printsThinkingThenAnswer_underHeaders_andAUsageLine() throws Exception {
        URI gateway = fakeGateway(String.join("\n",
                ":heartbeat", "",
                "id:0", "event:thinking", chunk(0, "thinking", "Hmm, "), "",
                "id:1", "event:thinking", chunk(1, "thinking", "a story."), "",
                "id:2", "event:answer", chunk(2, "answer", "Once upon a time"), "",
                "event:done", "data:" + result("done", "stop", ""), "", ""));

        int code = ask(gateway, Duration.ofSeconds(10));

        assertThat(code).isZero();
        assertThat(out()).contains("request " + ID + " (queued)")
                .containsSubsequence("[thinking]", "Hmm, a story.", "[answer]", "Once upon a time",
                        "[done] finish: stop; tokens: prompt 4, thinking 2, answer 1");
        assertThat(submitted.get()).isEqualTo("{\"prompt\":\"Once upon a time\",\"budget\":"
                + "{\"maxThinkingTokens\":8,\"minThinkingTokens\":0,\"extensions\":0,\"maxAnswerTokens\":16}}");
        assertThat(acceptHeader.get()).isEqualTo("text/event-stream");
    }

    @Test
    void apiKey_isSentAsBearer_onSubmitAndOnTheEventStream() throws Exception {
        URI gateway = fakeGateway(String.join("\n",
                "event:done", "data:" + result("done", "stop", ""), "", ""));
        AskOptions options = new AskOptions("Once upon a time", 8, 16, 0, 0, gateway, Duration.ofSeconds(10),
                "rsk_local");

        int code = new AskCommand(GatewayClient.defaultHttpClient(), new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false).run(options);

        assertThat(code).isZero();
        assertThat(authorizations).containsExactly("Bearer rsk_local", "Bearer rsk_local");
    }

    @Test
    void failedResult_exits1_withTheError() throws Exception {
        URI gateway = fakeGateway(String.join("\n",
                "event:done", "data:" + result("failed", "error", "model not loaded"), "", ""));

        assertThat(ask(gateway, Duration.ofSeconds(10))).isEqualTo(1);
        assertThat(err()).contains("the request failed: model not loaded");
    }

    @Test
    void errorEvent_exits1_withItsMessage() throws Exception {
        URI gateway = fakeGateway(String.join("\n",
                "event:error", "data:{\"detail\":\"request expired\"}", "", ""));

        assertThat(ask(gateway, Duration.ofSeconds(10))).isEqualTo(1);
        assertThat(err()).contains("error: request expired");
    }

    @Test
    void streamEndingWithoutDone_isReportedAsSuch() throws Exception {
        URI gateway = fakeGateway(String.join("\n",
                "id:0", "event:answer", chunk(0, "answer", "Once"), "", ""));

        assertThatThrownBy(() -> ask(gateway, Duration.ofSeconds(10)))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("ended before the request finished");
    }

    @Test
    void silentGateway_endsTheWaitAfterTheIdleTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        URI gateway = fakeGateway(exchange -> {
            sendHeaders(exchange);
            // Say nothing until the test is over: ask must give up on its own.
            awaitQuietly(release);
        });
        try {
            assertThatThrownBy(() -> ask(gateway, Duration.ofMillis(300)))
                    .isInstanceOf(LauncherException.class)
                    .hasMessageContaining("sent nothing for");
        } finally {
            release.countDown();
        }
    }

    @Test
    void rejectedQuestion_reportsTheProblemDetail() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/reasoning", exchange -> respond(exchange, 400,
                "{\"title\":\"Bad Request\",\"detail\":\"prompt must not be blank\"}"));
        server.start();

        assertThatThrownBy(() -> ask(baseUri(), Duration.ofSeconds(10)))
                .isInstanceOf(LauncherException.class)
                .hasMessage("the gateway refused the question: HTTP 400: prompt must not be blank");
    }

    private int ask(URI gateway, Duration idle) throws InterruptedException {
        AskOptions options = new AskOptions("Once upon a time", 8, 16, 0, 0, gateway, idle);
        return new AskCommand(GatewayClient.defaultHttpClient(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false).run(options);
    }

    private URI fakeGateway(String sseBody) throws IOException {
        return fakeGateway(exchange -> {
            sendHeaders(exchange);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(sseBody.getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    private URI fakeGateway(EventsHandler events) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/reasoning", exchange -> {
            submitted.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            respond(exchange, 202, "{\"id\":\"" + ID + "\",\"status\":\"queued\",\"events\":\"/v1/reasoning/" + ID
                    + "/events\"}");
        });
        server.createContext("/v1/reasoning/" + ID + "/events", exchange -> {
            acceptHeader.set(exchange.getRequestHeaders().getFirst("Accept"));
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            events.handle(exchange);
            exchange.close();
        });
        server.start();
        return baseUri();
    }

    private URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void sendHeaders(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(bytes);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String chunk(int seq, String phase, String text) {
        return "data:{\"requestId\":\"" + ID + "\",\"seq\":" + seq + ",\"phase\":\"" + phase + "\",\"text\":\""
                + text + "\",\"thinkingTokens\":2,\"answerTokens\":" + ("answer".equals(phase) ? 1 : 0) + "}";
    }

    private static String result(String status, String finishReason, String error) {
        return "{\"requestId\":\"" + ID + "\",\"status\":\"" + status + "\",\"thinking\":\"Hmm, a story.\","
                + "\"answer\":\"Once upon a time\",\"finishReason\":\"" + finishReason + "\",\"usage\":"
                + "{\"promptTokens\":4,\"thinkingTokens\":2,\"answerTokens\":1},\"budget\":"
                + "{\"maxThinkingTokens\":8,\"maxAnswerTokens\":16},\"error\":"
                + (error.isEmpty() ? "null" : "\"" + error + "\"") + "}";
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface EventsHandler {
        void handle(HttpExchange exchange) throws IOException;
    }
}
