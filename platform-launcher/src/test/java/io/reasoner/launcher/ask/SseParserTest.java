package io.reasoner.launcher.ask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

    @Test
    void namedEventWithId_isDispatchedAtTheBlankLine() {
        List<SseEvent> events = parse("id: 0", "event: thinking", "data: {\"text\":\"Once\"}", "");

        assertThat(events).containsExactly(new SseEvent("thinking", "0", "{\"text\":\"Once\"}"));
    }

    @Test
    void heartbeatComments_produceNoEvents() {
        assertThat(parse(":heartbeat", "", ": another", "")).isEmpty();
    }

    @Test
    void multipleDataLines_areJoinedWithNewlines() {
        assertThat(parse("data: line one", "data:line two", "")).containsExactly(
                new SseEvent(SseEvent.DEFAULT_NAME, null, "line one\nline two"));
    }

    @Test
    void fieldsDoNotLeakIntoTheNextEvent() {
        List<SseEvent> events = parse("event: answer", "id: 7", "data: a", "", "data: b", "");

        assertThat(events).containsExactly(new SseEvent("answer", "7", "a"),
                new SseEvent(SseEvent.DEFAULT_NAME, null, "b"));
    }

    @Test
    void onlyOneSpaceAfterTheColonIsDropped() {
        assertThat(parse("data:  indented", "")).containsExactly(
                new SseEvent(SseEvent.DEFAULT_NAME, null, " indented"));
    }

    @Test
    void eventWithoutData_isNotDispatched_andRetryIsIgnored() {
        assertThat(parse("event: done", "retry: 1000", "")).isEmpty();
    }

    private static List<SseEvent> parse(String... lines) {
        SseParser parser = new SseParser();
        List<SseEvent> events = new ArrayList<>();
        for (String line : lines) {
            parser.accept(line).ifPresent(events::add);
        }
        return events;
    }
}
