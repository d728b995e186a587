package io.reasoner.kafka.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.reasoner.protocol.ReasoningTopic;

class CloudEventHeadersTest {

    private final AtomicInteger next = new AtomicInteger();
    private final CloudEventHeaders ce = new CloudEventHeaders("/reasoner/test",
            Clock.fixed(Instant.parse("2026-11-23T16:40:01.250Z"), ZoneOffset.UTC), () -> "id-" + next.getAndIncrement());

    @Test
    void contractTopic_getsEveryRequiredAttribute_inBinaryMode() {
        RecordHeaders headers = new RecordHeaders();

        assertThat(ce.write("reasoning.chunks", "rsn_1", headers)).isTrue();

        assertThat(CloudEventHeaders.read(headers, "ce_specversion")).isEqualTo("1.0");
        assertThat(CloudEventHeaders.read(headers, "ce_id")).isEqualTo("id-0");
        assertThat(CloudEventHeaders.read(headers, "ce_source")).isEqualTo("/reasoner/test");
        assertThat(CloudEventHeaders.read(headers, "ce_type")).isEqualTo("io.reasoner.ReasoningChunk.v1");
        assertThat(CloudEventHeaders.read(headers, "ce_time")).isEqualTo("2026-11-23T16:40:01.250Z");
        assertThat(CloudEventHeaders.read(headers, "ce_subject")).isEqualTo("rsn_1");
        assertThat(CloudEventHeaders.read(headers, "content-type")).isEqualTo("application/json");
    }

    @Test
    void headersCopiedFromAnInputEvent_areReplaced_notDuplicated() {
        RecordHeaders headers = new RecordHeaders();
        ce.write("reasoning.worker-stats", "worker-1", headers);

        ce.write("reasoning.budget-policy", "interactive", headers);

        assertThat(headers.headers("ce_type")).hasSize(1);
        assertThat(CloudEventHeaders.read(headers, "ce_type")).isEqualTo("io.reasoner.BudgetPolicy.v1");
        assertThat(CloudEventHeaders.read(headers, "ce_id")).isEqualTo("id-1");
        assertThat(CloudEventHeaders.read(headers, "ce_subject")).isEqualTo("interactive");
    }

    @Test
    void deadLetterCopy_keepsTheOriginalEventsAttributes_andAnUnmarkedOneGetsThemAdded() {
        RecordHeaders parked = new RecordHeaders();
        ce.write("reasoning.requests", "rsn_1", parked);

        ce.write("reasoning.requests.dlt", "rsn_1", parked);
        RecordHeaders bare = new RecordHeaders();
        ce.write("reasoning.requests.dlt", "rsn_2", bare);

        assertThat(CloudEventHeaders.read(parked, "ce_id")).isEqualTo("id-0");
        assertThat(parked.headers("ce_id")).hasSize(1);
        assertThat(CloudEventHeaders.read(bare, "ce_id")).isEqualTo("id-1");
        assertThat(CloudEventHeaders.read(bare, "ce_type")).isEqualTo("io.reasoner.ReasoningRequest.v1");
    }

    @Test
    void topicOutsideTheContract_isLeftAlone() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", "kept".getBytes(StandardCharsets.UTF_8));

        assertThat(ce.write("reasoner-budget-policy-store-changelog", "k", headers)).isFalse();

        assertThat(CloudEventHeaders.read(headers, "ce_id")).isEqualTo("kept");
        assertThat(headers.toArray()).hasSize(1);
    }

    @Test
    void everyTopicOfTheContract_hasAVersionedType() {
        for (ReasoningTopic topic : ReasoningTopic.values()) {
            assertThat(CloudEventHeaders.typeOf(topic.topicName()))
                    .contains("io.reasoner." + topic.valueType().getSimpleName() + ".v1");
        }
    }

    @Test
    void blankSource_isRefused() {
        assertThatThrownBy(() -> new CloudEventHeaders(" ", Clock.systemUTC(), () -> "x"))
                .hasMessage("source must be a non-empty URI reference, was ' '");
    }
}
