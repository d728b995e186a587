package io.reasoner.s1mini.data;

import java.util.random.RandomGenerator;

/** Random numbers of a given size for the generators. */
final class Numbers {

    private Numbers() {
    }

    /** Uniform among the numbers with exactly {@code digits} decimal digits (0-9 for one digit). */
    static long withDigits(int digits, RandomGenerator random) {
        long low = digits == 1 ? 0 : pow10(digits - 1);
        return random.nextLong(low, pow10(digits));
    }

    static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }
}
