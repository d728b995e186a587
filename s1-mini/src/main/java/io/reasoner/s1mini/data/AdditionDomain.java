package io.reasoner.s1mini.data;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Multi-digit addition worked column by column from the right, with carries. Difficulty = digits of the larger
 * addend (one step per column, plus reading the digits back).
 */
final class AdditionDomain implements Domain {

    private static final Pattern QUESTION = Pattern.compile("What is (\\d+) \\+ (\\d+)\\?");

    @Override
    public String name() {
        return "addition";
    }

    @Override
    public int minDifficulty() {
        return 1;
    }

    @Override
    public int maxDifficulty() {
        return 6;
    }

    @Override
    public Problem generate(int difficulty, RandomGenerator random) {
        requireDifficulty(difficulty);
        long a = Numbers.withDigits(difficulty, random);
        long b = Numbers.withDigits(1 + random.nextInt(difficulty), random);
        if (random.nextBoolean()) {
            long swap = a;
            a = b;
            b = swap;
        }
        String question = "What is " + a + " + " + b + "?";
        List<Step> steps = new ArrayList<>();
        int columns = ColumnCheck.columnCount(a, b);
        int carry = 0;
        StringBuilder digits = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            int dx = ColumnCheck.digit(a, c);
            int dy = ColumnCheck.digit(b, c);
            int sum = dx + dy + carry;
            String line = dx + "+" + dy + "+" + carry + "=" + sum + ", digit " + sum % 10 + ", carry " + sum / 10;
            int wrong = sum == 0 ? 1 : sum + (random.nextBoolean() ? 1 : -1);
            String slip = dx + "+" + dy + "+" + carry + "=" + wrong + ", digit " + wrong % 10 + ", carry " + wrong / 10;
            steps.add(new Step(line, slip));
            digits.append(sum % 10);
            carry = sum / 10;
        }
        if (carry > 0) {
            digits.append(carry);
        }
        String answer = digits.reverse().toString();
        steps.add(Step.exact("digits from last to first: " + answer));
        return new Problem(name(), difficulty, question, steps, answer);
    }

    @Override
    public boolean verify(String question, String answer) {
        Matcher m = QUESTION.matcher(question);
        if (!m.matches() || !answer.trim().matches("\\d+")) {
            return false;
        }
        BigInteger expected = new BigInteger(m.group(1)).add(new BigInteger(m.group(2)));
        return expected.toString().equals(answer.trim());
    }
}
