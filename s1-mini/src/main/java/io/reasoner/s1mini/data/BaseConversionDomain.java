package io.reasoner.s1mini.data;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decimal to base 2-9 by repeated division, remainders read bottom-up. Difficulty = digits of the result minus
 * one (one division per digit).
 */
final class BaseConversionDomain implements Domain {

    private static final Pattern QUESTION = Pattern.compile("Convert (\\d+) to base (\\d)\\.");

    @Override
    public String name() {
        return "base";
    }

    @Override
    public int minDifficulty() {
        return 1;
    }

    @Override
    public int maxDifficulty() {
        return 7;
    }

    @Override
    public Problem generate(int difficulty, RandomGenerator random) {
        requireDifficulty(difficulty);
        int digits = difficulty + 1;
        int base = 2 + random.nextInt(difficulty <= 3 ? 8 : 3); // long results only in small bases: values stay < 10^5
        long low = (long) Math.pow(base, digits - 1);
        long value = random.nextLong(low, low * base);
        String question = "Convert " + value + " to base " + base + ".";
        List<Step> steps = new ArrayList<>();
        StringBuilder remainders = new StringBuilder();
        long n = value;
        while (n > 0) {
            long q = n / base;
            long r = n % base;
            long wrongR = (r + 1) % base;
            steps.add(new Step(n + "/" + base + "=" + q + " r" + r, n + "/" + base + "=" + q + " r" + wrongR,
                    ColumnCheck.quotient(n, base)));
            remainders.append(r);
            n = q;
        }
        String answer = remainders.reverse().toString();
        steps.add(Step.exact("remainders from last to first: " + answer));
        return new Problem(name(), difficulty, question, steps, answer);
    }

    @Override
    public boolean verify(String question, String answer) {
        Matcher m = QUESTION.matcher(question);
        if (!m.matches() || !answer.trim().matches("[0-9]+")) {
            return false;
        }
        int base = Integer.parseInt(m.group(2));
        return Long.toString(Long.parseLong(m.group(1)), base).equals(answer.trim());
    }
}
