package io.reasoner.launcher.ask;

import io.reasoner.launcher.LauncherException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./reasoner ask "question"}: submits the question to the gateway, then prints its event stream until
 * the {@code done} (or {@code error}) event.
 */
public final class AskCommand {

    private final HttpClient client;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean ansi;
    private final JsonMapper json = JsonMapper.builder().build();

    public AskCommand(HttpClient client, PrintStream out, PrintStream err, boolean ansi) {
        this.client = Objects.requireNonNull(client, "client");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.ansi = ansi;
    }

    /** The CLI's instance: a fresh client with bounded connects. */
    public static AskCommand forCli(PrintStream out, PrintStream err, boolean ansi) {
        return new AskCommand(GatewayClient.defaultHttpClient(), out, err, ansi);
    }

    /** Returns the exit code: 0 when the request finished as done, 1 when it failed or was cancelled. */
    public int run(AskOptions options) throws InterruptedException {
        GatewayClient gateway = new GatewayClient(options.gateway(), client, json, options.apiKey());
        Submission submission = gateway.submit(options.prompt(), options.budget());
        out.println("request " + submission.id() + " (" + submission.status() + ")");
        EventLines lines = new EventLines();
        CompletableFuture<HttpResponse<Void>> response = gateway.openEvents(submission.events(), lines);
        try {
            return stream(lines, options) == StreamPrinter.Outcome.DONE ? 0 : 1;
        } finally {
            lines.cancel();
            response.cancel(true);
        }
    }

    private StreamPrinter.Outcome stream(EventLines lines, AskOptions options) throws InterruptedException {
        SseParser parser = new SseParser();
        StreamPrinter printer = new StreamPrinter(out, err, ansi, json);
        Optional<String> line;
        while ((line = lines.next(options.idleTimeout())).isPresent()) {
            Optional<SseEvent> event = parser.accept(line.get());
            if (event.isPresent()) {
                Optional<StreamPrinter.Outcome> outcome = printer.print(event.get());
                if (outcome.isPresent()) {
                    return outcome.get();
                }
            }
        }
        throw new LauncherException("the event stream ended before the request finished (no done event)");
    }
}
