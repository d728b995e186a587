package io.reasoner.gateway.api;

import java.net.URI;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.reasoner.gateway.GatewayProperties;
import io.reasoner.gateway.sse.EventStreams;
import io.reasoner.gateway.stream.RequestRegistry;
import io.reasoner.gateway.stream.TrackedRequest;
import io.reasoner.kafka.EventPublisher;
import io.reasoner.protocol.ReasoningRequest;
import io.reasoner.protocol.ReasoningTopic;

/** The native reasoning API. Errors are translated to problem+json in {@link ProblemHandler}. */
@RestController
@RequestMapping("/v1/reasoning")
class ReasoningController {

    /** Until API keys land, every caller belongs to this tenant. */
    static final String DEFAULT_TENANT = "default";

    private final RequestFactory factory;
    private final RequestRegistry registry;
    private final EventPublisher publisher;
    private final EventStreams streams;
    private final GatewayProperties properties;

    ReasoningController(RequestFactory factory, RequestRegistry registry, EventPublisher publisher,
            EventStreams streams, GatewayProperties properties) {
        this.factory = factory;
        this.registry = registry;
        this.publisher = publisher;
        this.streams = streams;
        this.properties = properties;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> create(@RequestBody CreateReasoningBody body) {
        ReasoningRequest request = factory.create(body, DEFAULT_TENANT);
        registry.accept(request);
        try {
            publisher.sendAndWait(ReasoningTopic.REQUESTS, request, properties.publishTimeout().toMillis());
        } catch (EventPublisher.PublishFailedException e) {
            registry.forget(request.requestId());
            throw e;
        }
        String events = "/v1/reasoning/" + request.requestId() + "/events";
        return ResponseEntity.accepted()
                .location(URI.create("/v1/reasoning/" + request.requestId()))
                .body(Map.of("id", request.requestId(), "status", "queued", "events", events));
    }

    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable String id,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return streams.open(visible(id), parseLastEventId(lastEventId));
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    RequestView get(@PathVariable String id) {
        return RequestView.of(visible(id));
    }

    private TrackedRequest visible(String id) {
        return registry.find(id)
                .filter(request -> request.tenant() == null || request.tenant().equals(DEFAULT_TENANT))
                .orElseThrow(() -> new UnknownRequestException(id));
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
