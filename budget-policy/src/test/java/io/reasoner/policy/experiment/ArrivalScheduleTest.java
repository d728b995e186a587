package io.reasoner.policy.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.reasoner.protocol.Priority;

class ArrivalScheduleTest {

    @Test
    void poisson_hasTheAskedRate_ascendingTimesWithinTheDuration_andRepeatsForASeed() {
        List<Long> schedule = ArrivalSchedule.poisson(5.0, Duration.ofSeconds(2000), new SplittableRandom(1));

        // 10 000 expected; a Poisson count's standard deviation is 100.
        assertThat(schedule.size()).isBetween(9_700, 10_300);
        assertThat(schedule).isSorted().allSatisfy(at -> assertThat(at).isBetween(0L, 1_999_999L));
        assertThat(ArrivalSchedule.poisson(5.0, Duration.ofSeconds(2000), new SplittableRandom(1)))
                .isEqualTo(schedule);
        assertThat(ArrivalSchedule.poisson(5.0, Duration.ofSeconds(2000), new SplittableRandom(2)))
                .isNotEqualTo(schedule);
    }

    @Test
    void poisson_gapsAreExponential_asManyShortOnesAsTheLawSays() {
        List<Long> schedule = ArrivalSchedule.poisson(10.0, Duration.ofSeconds(1000), new SplittableRandom(3));
        long shorterThanMean = 0;
        for (int i = 1; i < schedule.size(); i++) {
            shorterThanMean += schedule.get(i) - schedule.get(i - 1) < 100 ? 1 : 0;
        }

        // P(gap < mean) = 1 - 1/e = 0.632 for exponential gaps; evenly spaced arrivals would give 0 or 1.
        assertThat((double) shorterThanMean / (schedule.size() - 1)).isBetween(0.60, 0.66);
    }

    @Test
    void mixed_drawsEachArrivalsTierIndependently_atTheAskedShare() {
        List<ArrivalSchedule.Arrival> arrivals = ArrivalSchedule.mixed(5.0, 0.25, Duration.ofSeconds(2000),
                new SplittableRandom(4));

        long batch = arrivals.stream().filter(arrival -> arrival.tier() == Priority.BATCH).count();
        // About 10 000 arrivals, a quarter batch: a binomial count's standard deviation is about 43.
        assertThat((double) batch / arrivals.size()).isBetween(0.235, 0.265);
        assertThat(arrivals).extracting(ArrivalSchedule.Arrival::atMs).isSorted();
        assertThat(ArrivalSchedule.mixed(5.0, 0, Duration.ofSeconds(100), new SplittableRandom(4)))
                .allSatisfy(arrival -> assertThat(arrival.tier()).isEqualTo(Priority.INTERACTIVE));
        assertThatThrownBy(() -> ArrivalSchedule.mixed(1, 1.5, Duration.ofSeconds(1), new SplittableRandom(1)))
                .hasMessage("batchShare must be in [0, 1], was 1.5");
    }

    @Test
    void aRateThatIsNotPositive_isRefused() {
        assertThatThrownBy(() -> ArrivalSchedule.poisson(0, Duration.ofSeconds(1), new SplittableRandom(1)))
                .hasMessage("requestsPerSecond must be > 0, was 0.0");
    }
}
