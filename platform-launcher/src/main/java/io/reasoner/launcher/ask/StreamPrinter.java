package io.reasoner.launcher.ask;

import io.reasoner.launcher.LauncherException;
import java.io.PrintStream;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints a request's events as they arrive: a {@code [thinking]} or {@code [answer]} header whenever the phase
 * changes, then the text deltas; thinking is dimmed on a terminal. The {@code done} event adds a usage line.
 * Not thread-safe: one printer per stream.
 */
final class StreamPrinter {

    /** How a stream ended. */
    enum Outcome {
        DONE,
        FAILED
    }

    private static final String DIM = "\u001b[2m";
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";

    private final PrintStream out;
    private final PrintStream err;
    private final boolean ansi;
    private final JsonMapper json;
    private String phase;
    private boolean atLineStart = true;
    private boolean printedText;

    StreamPrinter(PrintStream out, PrintStream err, boolean ansi, JsonMapper json) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.ansi = ansi;
        this.json = Objects.requireNonNull(json, "json");
    }

    /** Prints one event; returns the outcome if this event ends the stream. */
    Optional<Outcome> print(SseEvent event) {
        switch (event.name()) {
            case "thinking", "answer" -> {
                JsonNode chunk = parse(event);
                text(chunk.path("phase").asString(event.name()), chunk.path("text").asString(""));
                return Optional.empty();
            }
            case "control" -> {
                marker(parse(event).path("control").asString(""));
                return Optional.empty();
            }
            case "done" -> {
                return Optional.of(done(parse(event)));
            }
            case "error" -> {
                newLine();
                err.println("error: " + errorMessage(event.data()));
                return Optional.of(Outcome.FAILED);
            }
            default -> {
                // Events this client does not know (added later by the gateway) are not an error.
                return Optional.empty();
            }
        }
    }

    private Outcome done(JsonNode result) {
        if (!printedText) {
            // The stream carried no chunks (e.g. they were already gone): show the final texts instead.
            text("thinking", result.path("thinking").asString(""));
            text("answer", result.path("answer").asString(""));
        }
        newLine();
        JsonNode usage = result.path("usage");
        String status = result.path("status").asString("?");
        String line = "[" + status + "] finish: " + result.path("finishReason").asString("?")
                + "; tokens: prompt " + usage.path("promptTokens").asInt(0)
                + ", thinking " + usage.path("thinkingTokens").asInt(0)
                + ", answer " + usage.path("answerTokens").asInt(0)
                + "; extensions " + result.path("forcing").path("extensionsUsed").asInt(0)
                + (result.path("forcing").path("capFired").asBoolean(false) ? ", cap fired" : "");
        out.println(ansi ? BOLD + line + RESET : line);
        out.flush();
        if (!"done".equals(status)) {
            String error = result.path("error").asString("");
            err.println("the request " + status + (error.isBlank() ? "" : ": " + error));
            return Outcome.FAILED;
        }
        return Outcome.DONE;
    }

    /** A budget-forcing moment, shown inline; the text the forcer injects follows as ordinary output. */
    private void marker(String control) {
        String label = switch (control) {
            case "wait_injected" -> "‹end of thinking suppressed›";
            case "cap_forced" -> "‹thinking cap reached›";
            case "budget_changed" -> "‹budget changed›";
            default -> "";
        };
        if (!label.isEmpty()) {
            out.print(ansi ? BOLD + label + RESET : label);
            out.flush();
            atLineStart = false;
        }
    }

    private void text(String textPhase, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!textPhase.equals(phase)) {
            newLine();
            String header = "[" + textPhase + "]";
            out.println(ansi ? BOLD + header + RESET : header);
            phase = textPhase;
        }
        boolean dim = ansi && "thinking".equals(textPhase);
        out.print(dim ? DIM + text + RESET : text);
        out.flush();
        atLineStart = text.endsWith("\n");
        printedText = true;
    }

    private void newLine() {
        if (!atLineStart) {
            out.println();
            atLineStart = true;
        }
    }

    private JsonNode parse(SseEvent event) {
        try {
            return json.readTree(event.data());
        } catch (JacksonException e) {
            throw new LauncherException("the gateway sent an unreadable " + event.name() + " event: "
                    + event.data(), e);
        }
    }

    /** problem+json's detail or title, a {"message"} or {"error"} field, or the data as sent. */
    private String errorMessage(String data) {
        try {
            JsonNode node = json.readTree(data);
            for (String field : new String[] {"detail", "message", "error", "title"}) {
                String value = node.path(field).asString("");
                if (!value.isBlank()) {
                    return value;
                }
            }
            return data;
        } catch (JacksonException e) {
            // Plain-text error data is as good a message as any.
            return data;
        }
    }
}
