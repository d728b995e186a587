package io.reasoner.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A command about a running request, on {@link ReasoningTopic#CONTROL}.
 *
 * @param requestId   the request
 * @param tenant      the tenant that issued it; workers ignore commands from another tenant
 * @param action      what to do
 * @param reason      human-readable reason
 * @param issuedAtMs  epoch milliseconds
 */
public record ControlCommand(String requestId, String tenant, Action action, String reason, long issuedAtMs)
        implements ReasoningEvent {

    public enum Action {
        @JsonProperty("cancel") CANCEL
    }

    public ControlCommand {
        Checks.notBlank("requestId", requestId);
        tenant = tenant == null ? "default" : tenant;
        Checks.notNull("action", action);
    }

    @Override
    public String key() {
        return requestId;
    }
}
