package io.reasoner.gateway.api;

import java.net.URI;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.reasoner.gateway.auth.Tenants;
import io.reasoner.gateway.service.CreateReasoningBody;
import io.reasoner.gateway.service.ReasoningService;
import io.reasoner.gateway.sse.EventStreams;
import io.reasoner.gateway.stream.TrackedRequest;

/**
 * The native reasoning API. Errors are translated to problem+json in {@link ProblemHandler}. The caller's tenant
 * was resolved from its API key by the auth filter; requests of other tenants answer 404.
 */
@RestController
@RequestMapping("/v1/reasoning")
class ReasoningController {

    private final ReasoningService service;
    private final EventStreams streams;

    ReasoningController(ReasoningService service, EventStreams streams) {
        this.service = service;
        this.streams = streams;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> create(@RequestBody CreateReasoningBody body,
            @RequestAttribute(Tenants.ATTRIBUTE) String tenant,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        TrackedRequest request = service.submit(body, tenant, idempotencyKey).request();
        String events = "/v1/reasoning/" + request.requestId() + "/events";
        return ResponseEntity.accepted()
                .location(URI.create("/v1/reasoning/" + request.requestId()))
                .body(Map.of("id", request.requestId(), "status", "queued", "events", events));
    }

    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable String id, @RequestAttribute(Tenants.ATTRIBUTE) String tenant,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return streams.open(service.find(id, tenant), parseLastEventId(lastEventId));
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    RequestView get(@PathVariable String id, @RequestAttribute(Tenants.ATTRIBUTE) String tenant) {
        return RequestView.of(service.find(id, tenant));
    }

    /** Cancels: answers 202 at once; the stream ends with {@code done} and finish reason {@code cancelled}. */
    @DeleteMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RequestView> cancel(@PathVariable String id, @RequestAttribute(Tenants.ATTRIBUTE) String tenant) {
        return ResponseEntity.accepted().body(RequestView.of(service.cancel(id, tenant, "cancelled by client")));
    }

    private static Long parseLastEventId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long seq = Long.parseLong(value.trim());
            if (seq < 0) {
                throw new NumberFormatException();
            }
            return seq;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Last-Event-ID must be a chunk sequence number >= 0, was " + value);
        }
    }
}
