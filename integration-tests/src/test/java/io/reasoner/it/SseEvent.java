package io.reasoner.it;

/** One Server-Sent Event as a client received it. */
record SseEvent(String id, String name, String data) {
}
