package io.reasoner.s1mini.data;

/**
 * The careful way to re-check a sum, difference or division by one digit that a step wrote in one go: column by
 * column, with the carry, borrow or remainder written out, as the addition domain's steps are. A "Wait" that
 * re-derives a step this way does a different, smaller computation than the step did, so repeating the step's
 * result is not the easy continuation; a small model that fumbles {@code 124+72} in one go still adds single
 * digits reliably.
 *
 * <p>{@code sum(124, 72)} is {@code 124+72: 4+2+0=6, 2+7+0=9, 1+0+0=1, so 196}; {@code difference(21, 5)} is
 * {@code 21-5: 11-5-0=6 borrow 1, 2-0-1=1, so 16}. A difference below zero is worked the other way round and
 * negated: {@code difference(26, 29)} is {@code 26-29: 29-26 negated: 9-6-0=3, 2-2-0=0, so -3}, and one from a
 * negative number is a sum: {@code difference(-12, 15)} is {@code -12-15: 12+15 negated: 2+5+0=7, 1+1+0=2, so
 * -27}. Division is long division from the first digit: {@code quotient(67, 3)} is {@code 67/3: 6/3=2 r0, 7/3=2
 * r1, so 22 r1}, and {@code exactQuotient(-35, 5)} is {@code -35/5: 35/5 negated: 3/5=0 r3, 35/5=7 r0, so -7}.
 */
final class ColumnCheck {

    private ColumnCheck() {
    }

    /** {@code a + b} for {@code a, b >= 0}. */
    static String sum(long a, long b) {
        requireNonNegative(a, "a");
        requireNonNegative(b, "b");
        return a + "+" + b + ": " + carried(a, b) + ", so " + (a + b);
    }

    /** {@code c - b} for {@code b >= 0} and any {@code c}. */
    static String difference(long c, long b) {
        requireNonNegative(b, "b");
        String head = c + "-" + b + ": ";
        if (c >= b) {
            return head + borrowed(c, b) + ", so " + (c - b);
        }
        if (c >= 0) {
            return head + b + "-" + c + " negated: " + borrowed(b, c) + ", so " + (c - b);
        }
        return head + (-c) + "+" + b + " negated: " + carried(-c, b) + ", so " + (c - b);
    }

    /** {@code n / divisor} with its remainder, for {@code n >= 0} and a one-digit divisor. */
    static String quotient(long n, int divisor) {
        requireNonNegative(n, "n");
        requireDigitDivisor(divisor);
        return n + "/" + divisor + ": " + longDivision(n, divisor) + ", so " + n / divisor + " r" + n % divisor;
    }

    /** {@code n / divisor} where it divides exactly, for any {@code n} and a one-digit divisor. */
    static String exactQuotient(long n, int divisor) {
        requireDigitDivisor(divisor);
        if (n % divisor != 0) {
            throw new IllegalArgumentException(divisor + " must divide " + n + " exactly");
        }
        String head = n + "/" + divisor + ": ";
        if (n >= 0) {
            return head + longDivision(n, divisor) + ", so " + n / divisor;
        }
        return head + (-n) + "/" + divisor + " negated: " + longDivision(-n, divisor) + ", so " + n / divisor;
    }

    private static String longDivision(long n, int divisor) {
        StringBuilder line = new StringBuilder();
        String digits = Long.toString(n);
        long remainder = 0;
        for (int i = 0; i < digits.length(); i++) {
            long partial = remainder * 10 + (digits.charAt(i) - '0');
            separate(line).append(partial).append('/').append(divisor).append('=').append(partial / divisor)
                    .append(" r").append(partial % divisor);
            remainder = partial % divisor;
        }
        return line.toString();
    }

    private static void requireDigitDivisor(int divisor) {
        if (divisor < 1 || divisor > 9) {
            throw new IllegalArgumentException("divisor must be in [1, 9], was " + divisor);
        }
    }

    private static String carried(long a, long b) {
        StringBuilder line = new StringBuilder();
        int carry = 0;
        int columns = columnCount(a, b);
        for (int c = 0; c < columns; c++) {
            int sum = digit(a, c) + digit(b, c) + carry;
            separate(line).append(digit(a, c)).append('+').append(digit(b, c)).append('+').append(carry)
                    .append('=').append(sum);
            carry = sum / 10;
        }
        return line.toString();
    }

    /** {@code top - bottom} for {@code top >= bottom >= 0}. */
    private static String borrowed(long top, long bottom) {
        StringBuilder line = new StringBuilder();
        int borrow = 0;
        int columns = columnCount(top, bottom);
        for (int c = 0; c < columns; c++) {
            int t = digit(top, c);
            int u = digit(bottom, c);
            boolean borrows = t - u - borrow < 0;
            separate(line).append(borrows ? "1" + t : t).append('-').append(u).append('-').append(borrow)
                    .append('=').append((borrows ? 10 : 0) + t - u - borrow).append(borrows ? " borrow 1" : "");
            borrow = borrows ? 1 : 0;
        }
        return line.toString();
    }

    private static StringBuilder separate(StringBuilder columns) {
        return columns.isEmpty() ? columns : columns.append(", ");
    }

    /** The columns {@code a, b >= 0} take together: the longer one's digits. */
    static int columnCount(long a, long b) {
        return Math.max(Long.toString(a).length(), Long.toString(b).length());
    }

    /** The digit of {@code number >= 0} in {@code column}, counted from the units (0); 0 past its length. */
    static int digit(long number, int column) {
        long rest = number;
        for (int i = 0; i < column; i++) {
            rest /= 10;
        }
        return (int) (rest % 10);
    }

    private static void requireNonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + value);
        }
    }
}
