package io.reasoner.worker.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    private final OffsetTracker tracker = new OffsetTracker();

    @Test
    void requestsFinishingOutOfOrder_commitOnlyUpToTheLowestStillInFlight() {
        tracker.taken(10);
        tracker.taken(11);
        tracker.taken(12);
        assertThat(tracker.toCommit()).hasValue(10); // nothing done yet: 10 and after must be redelivered
        tracker.committed(10);

        tracker.finished(12);
        tracker.finished(11);
        assertThat(tracker.toCommit()).isEmpty(); // 10 still runs

        tracker.finished(10);
        assertThat(tracker.toCommit()).hasValue(13);
    }

    @Test
    void aCommittedOffsetIsNotOfferedAgain() {
        tracker.taken(0);
        tracker.finished(0);
        assertThat(tracker.toCommit()).hasValue(1);
        tracker.committed(1);
        assertThat(tracker.toCommit()).isEmpty();
    }

    @Test
    void finishingAnOffsetNotInFlight_isABug() {
        tracker.taken(3);
        assertThatThrownBy(() -> tracker.finished(4)).isInstanceOf(IllegalStateException.class)
                .hasMessage("offset 4 was not in flight");
        assertThatThrownBy(() -> tracker.taken(3)).hasMessage("offset 3 is already in flight");
    }
}
