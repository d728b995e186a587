package io.reasoner.gateway.service;

import java.time.Clock;
import java.util.Optional;

import io.reasoner.gateway.GatewayProperties;
import io.reasoner.gateway.stream.RequestLog;
import io.reasoner.gateway.stream.RequestLogUnavailableException;
import io.reasoner.gateway.stream.RequestRegistry;
import io.reasoner.gateway.stream.TrackedRequest;
import io.reasoner.gateway.tracing.RequestTags;
import io.reasoner.kafka.EventPublisher;
import io.reasoner.protocol.ControlCommand;
import io.reasoner.protocol.ReasoningRequest;
import io.reasoner.protocol.ReasoningTopic;

/**
 * What every HTTP API of the gateway (native and OpenAI-compatible) does with a request: submit it to Kafka, look
 * it up for its tenant, cancel it. Requests of another tenant are reported as unknown, never as forbidden, so
 * their existence does not leak.
 */
public final class ReasoningService {

    private final RequestFactory factory;
    private final RequestRegistry registry;
    private final EventPublisher publisher;
    private final GatewayProperties properties;
    private final Clock clock;
    private final AdmissionControl admission;
    private final IdempotencyKeys idempotencyKeys;
    private final RequestLog log;
    /** Held across admission check, idempotency lookup and registry accept; never across the Kafka publish. */
    private final Object admissionLock = new Object();

    public ReasoningService(RequestFactory factory, RequestRegistry registry, EventPublisher publisher,
            GatewayProperties properties, Clock clock, AdmissionControl admission, IdempotencyKeys idempotencyKeys,
            RequestLog log) {
        this.factory = factory;
        this.log = log;
        this.admission = admission;
        this.idempotencyKeys = idempotencyKeys;
        this.registry = registry;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Validates the body, publishes the request and waits for Kafka's acknowledgement. On failure nothing is left
     * half-created: the request is forgotten and {@link EventPublisher.PublishFailedException} is thrown.
     *
     * @throws IllegalArgumentException naming the invalid field and its allowed range
     * @throws PromptTooLongException   if the prompt fills the served model's context
     */
    public TrackedRequest submit(CreateReasoningBody body, String tenant) {
        return submit(body, tenant, null).request();
    }

    /** What a submit did: the request, and whether it was created now or found under its idempotency key. */
    public record Submission(TrackedRequest request, boolean replayed) {
    }

    /**
     * As {@link #submit(CreateReasoningBody, String)}, and: a tenant that repeats an {@code idempotencyKey} within
     * the retention period gets the request that key created, with nothing published again (the body of the
     * repeat is not compared). The admission limit applies only to new requests.
     *
     * @param idempotencyKey the client's key, or null
     * @throws TooManyRequestsException if the tenant has too many outstanding requests
     */
    public Submission submit(CreateReasoningBody body, String tenant, String idempotencyKey) {
        if (idempotencyKey != null) {
            IdempotencyKeys.validate(idempotencyKey);
        }
        ReasoningRequest request = factory.create(body, tenant);
        RequestTags.requestId(request.requestId());
        TrackedRequest tracked;
        synchronized (admissionLock) {
            if (idempotencyKey != null) {
                Optional<TrackedRequest> earlier = idempotencyKeys.find(tenant, idempotencyKey)
                        .flatMap(registry::find);
                if (earlier.isPresent()) {
                    return new Submission(earlier.get(), true);
                }
            }
            admission.check(tenant);
            tracked = registry.accept(request);
            if (idempotencyKey != null) {
                idempotencyKeys.remember(tenant, idempotencyKey, request.requestId());
            }
        }
        try {
            publisher.sendAndWait(ReasoningTopic.requestsFor(request.priority()), request, properties.publishTimeout().toMillis());
        } catch (EventPublisher.PublishFailedException e) {
            registry.forget(request.requestId());
            if (idempotencyKey != null) {
                idempotencyKeys.forget(tenant, idempotencyKey);
            }
            throw e;
        }
        return new Submission(tracked, false);
    }

    /**
     * The request as far as it has gone, from memory when this instance saw it from its start, else read back
     * from the event log (it began before this instance started, on another instance, or was dropped from
     * memory); from then on it is followed live. The owner is known either way, so another tenant's id is 404.
     *
     * @throws UnknownRequestException          if no request with this id is visible to the tenant
     * @throws RequestLogUnavailableException if the log could not be read within its time bound
     */
    public TrackedRequest find(String requestId, String tenant) {
        RequestTags.requestId(requestId);
        return registry.find(requestId)
                .filter(request -> !request.needsReplay())
                .or(() -> registry.recover(requestId, log))
                .filter(request -> tenant.equals(request.tenant()))
                .orElseThrow(() -> new UnknownRequestException(requestId));
    }

    /**
     * Asks the workers to stop the request; the one decoding it stops within one step and publishes a cancelled
     * result, which ends the stream with {@code done}. Cancelling a finished request changes nothing.
     */
    public TrackedRequest cancel(String requestId, String tenant, String reason) {
        TrackedRequest tracked = find(requestId, tenant);
        if (tracked.result() == null) {
            publisher.sendAndWait(ReasoningTopic.CONTROL, new ControlCommand(requestId, tenant,
                    ControlCommand.Action.CANCEL, reason, clock.millis()), properties.publishTimeout().toMillis());
        }
        return tracked;
    }
}
