package io.reasoner.s1mini.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ColumnCheckTest {

    private static final Pattern COLUMN = Pattern.compile("(1?\\d)([+-])(\\d)\\2(\\d)=(\\d+)( borrow 1)?");

    @Test
    void sumsAndDifferences_areWorkedColumnByColumn_withTheCarryOrBorrowWrittenOut() {
        assertThat(ColumnCheck.sum(124, 72)).isEqualTo("124+72: 4+2+0=6, 2+7+0=9, 1+0+0=1, so 196");
        assertThat(ColumnCheck.sum(265, 74)).isEqualTo("265+74: 5+4+0=9, 6+7+0=13, 2+0+1=3, so 339");
        assertThat(ColumnCheck.difference(21, 5)).isEqualTo("21-5: 11-5-0=6 borrow 1, 2-0-1=1, so 16");
        assertThat(ColumnCheck.difference(26, 29)).isEqualTo("26-29: 29-26 negated: 9-6-0=3, 2-2-0=0, so -3");
        assertThat(ColumnCheck.difference(-12, 15)).isEqualTo("-12-15: 12+15 negated: 2+5+0=7, 1+1+0=2, so -27");
        assertThat(ColumnCheck.difference(7, 7)).isEqualTo("7-7: 7-7-0=0, so 0");
        assertThat(ColumnCheck.quotient(67, 3)).isEqualTo("67/3: 6/3=2 r0, 7/3=2 r1, so 22 r1");
        assertThat(ColumnCheck.exactQuotient(72, 4)).isEqualTo("72/4: 7/4=1 r3, 32/4=8 r0, so 18");
        assertThat(ColumnCheck.exactQuotient(-35, 5)).isEqualTo("-35/5: 35/5 negated: 3/5=0 r3, 35/5=7 r0, so -7");
    }

    @Test
    void longDivision_writesEveryDigitsPartialQuotient_andEndsWithTheQuotientAndRemainder() {
        SplittableRandom random = new SplittableRandom(9);
        Pattern digit = Pattern.compile("(\\d+)/(\\d)=(\\d+) r(\\d+)");
        for (int i = 0; i < 2000; i++) {
            long n = random.nextLong(0, 100_000);
            int divisor = random.nextInt(1, 10);
            String check = ColumnCheck.quotient(n, divisor);
            assertThat(check).endsWith(", so " + n / divisor + " r" + n % divisor);
            Matcher column = digit.matcher(check.substring(check.indexOf(": ") + 2));
            int columns = 0;
            while (column.find()) {
                long partial = Long.parseLong(column.group(1));
                assertThat(Long.parseLong(column.group(2))).isEqualTo(divisor);
                assertThat(Long.parseLong(column.group(3))).as(check).isEqualTo(partial / divisor);
                assertThat(Long.parseLong(column.group(4))).as(check).isEqualTo(partial % divisor);
                columns++;
            }
            assertThat(columns).as(check).isEqualTo(digits(n));
        }
    }

    @Test
    void everyColumnIsRight_andTheResultIsTheSumOrDifference() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 2000; i++) {
            long a = random.nextLong(-300, 1000);
            long b = random.nextLong(0, 1000);
            String check = a >= 0 && random.nextBoolean() ? ColumnCheck.sum(a, b) : ColumnCheck.difference(a, b);
            long expected = check.startsWith(a + "+") ? a + b : a - b;
            assertThat(check).endsWith(", so " + expected);
            Matcher column = COLUMN.matcher(check.substring(check.indexOf(": ") + 2));
            int columns = 0;
            while (column.find()) {
                long x = Long.parseLong(column.group(1));
                long y = Long.parseLong(column.group(3));
                long z = Long.parseLong(column.group(4));
                long r = Long.parseLong(column.group(5));
                assertThat(column.group(2).equals("+") ? x + y + z : x - y - z).as(check).isEqualTo(r);
                columns++;
            }
            assertThat(columns).as(check).isEqualTo(Math.max(digits(Math.abs(a)), digits(b)));
        }
    }

    @Test
    void negativeOperands_whereNoneFits_areRejected() {
        assertThatThrownBy(() -> ColumnCheck.sum(-1, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a must be >= 0, was -1");
        assertThatThrownBy(() -> ColumnCheck.difference(3, -2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("b must be >= 0, was -2");
        assertThatThrownBy(() -> ColumnCheck.quotient(10, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("divisor must be in [1, 9], was 10");
        assertThatThrownBy(() -> ColumnCheck.exactQuotient(10, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("3 must divide 10 exactly");
    }

    private static int digits(long n) {
        return Long.toString(n).length();
    }
}
