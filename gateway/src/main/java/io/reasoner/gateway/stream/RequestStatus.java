package io.reasoner.gateway.stream;

import java.util.Locale;

/** Where a request stands, as the gateway sees it from the event log. */
public enum RequestStatus {
    QUEUED, RUNNING, DONE, FAILED, CANCELLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
