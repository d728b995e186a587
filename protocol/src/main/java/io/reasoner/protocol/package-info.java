/**
 * The platform's event protocol: the Kafka topic contract and the versioned JSON events that travel on it.
 *
 * <p>This package is deliberately free of Kafka, Spring and HTTP types so that any client (the gateway, the
 * workers, the policy service, or an external system with a plain Kafka client) can share one definition.
 * Every event is a record in the sealed {@link io.reasoner.protocol.ReasoningEvent} hierarchy; records validate
 * their arguments at construction, so an event that exists is a valid event.
 */
package io.reasoner.protocol;
