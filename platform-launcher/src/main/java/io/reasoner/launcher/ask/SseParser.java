package io.reasoner.launcher.ask;

import java.util.Optional;

/**
 * Turns {@code text/event-stream} lines into events, following the WHATWG rules that matter here: fields
 * {@code event}, {@code data} (repeatable, joined with {@code \n}) and {@code id}; one optional space after the
 * colon is dropped; lines starting with {@code :} are comments (the gateway's heartbeats); a blank line ends an
 * event, and an event without data is not dispatched. Not thread-safe: one parser per stream.
 */
final class SseParser {

    private String name;
    private String id;
    private StringBuilder data;

    /** Feeds one line (without its line terminator); returns an event when the line completes one. */
    Optional<SseEvent> accept(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.startsWith(":")) {
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> name = value;
            case "id" -> id = value;
            case "data" -> {
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
            }
            default -> {
                // "retry" and unknown fields: the spec says ignore them.
            }
        }
        return Optional.empty();
    }

    private Optional<SseEvent> dispatch() {
        Optional<SseEvent> event = data == null ? Optional.empty()
                : Optional.of(new SseEvent(name, id, data.toString()));
        name = null;
        id = null;
        data = null;
        return event;
    }
}
