package io.reasoner.launcher.ask;

import java.net.URI;
import java.util.Objects;

/** The gateway's 202 answer to a new request: its id, initial status and where its events stream. */
record Submission(String id, String status, URI events) {

    Submission {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        Objects.requireNonNull(events, "events");
    }
}
