package io.reasoner.launcher.ask;

import java.util.Objects;

/**
 * One server-sent event as dispatched by {@link SseParser}.
 *
 * @param name the {@code event:} field, {@code "message"} when absent (as the SSE spec says)
 * @param id   the {@code id:} field, or null when the event had none
 * @param data the {@code data:} lines joined with {@code \n}
 */
public record SseEvent(String name, String id, String data) {

    public static final String DEFAULT_NAME = "message";

    public SseEvent {
        name = name == null || name.isEmpty() ? DEFAULT_NAME : name;
        Objects.requireNonNull(data, "data");
    }
}
