package io.reasoner.policy.experiment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import io.reasoner.protocol.Priority;

/**
 * An open-loop arrival schedule: Poisson arrivals at a fixed rate, fixed in advance, so that requests are sent when
 * the schedule says whether or not earlier ones have finished (a closed loop would slow down with the system and
 * hide its queueing). Pure; the same seed gives the same schedule.
 */
public final class ArrivalSchedule {

    private ArrivalSchedule() {
    }

    /** One request of a schedule: when it is sent, in ms from the start, and its tier. */
    public record Arrival(long atMs, Priority tier) {
    }

    /**
     * Poisson arrivals at {@code requestsPerSecond} in all, each independently a batch request with probability
     * {@code batchShare}: thinning a Poisson stream keeps each tier Poisson, at its share of the rate.
     */
    public static List<Arrival> mixed(double requestsPerSecond, double batchShare, Duration duration,
            RandomGenerator random) {
        if (!(batchShare >= 0 && batchShare <= 1)) {
            throw new IllegalArgumentException("batchShare must be in [0, 1], was " + batchShare);
        }
        List<Arrival> arrivals = new ArrayList<>();
        for (long atMs : poisson(requestsPerSecond, duration, random)) {
            arrivals.add(new Arrival(atMs, random.nextDouble() < batchShare ? Priority.BATCH : Priority.INTERACTIVE));
        }
        return arrivals;
    }

    /** Send times in milliseconds from the start, ascending, all before {@code duration}. */
    public static List<Long> poisson(double requestsPerSecond, Duration duration, RandomGenerator random) {
        if (!(requestsPerSecond > 0)) {
            throw new IllegalArgumentException("requestsPerSecond must be > 0, was " + requestsPerSecond);
        }
        List<Long> offsets = new ArrayList<>();
        double atMs = 0;
        long endMs = duration.toMillis();
        while (true) {
            // Exponential inter-arrival times: -ln(U) / rate.
            atMs += -Math.log(1.0 - random.nextDouble()) / requestsPerSecond * 1000.0;
            if (atMs >= endMs) {
                return offsets;
            }
            offsets.add((long) atMs);
        }
    }
}
