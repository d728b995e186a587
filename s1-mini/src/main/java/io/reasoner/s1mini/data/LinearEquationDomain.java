package io.reasoner.s1mini.data;

import java.util.List;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One-unknown linear equations with an integer solution, in four shapes of growing length: {@code x + b = c},
 * {@code ax + b = c}, {@code ax + b = cx + d} and {@code a(x + b) + c = d}. Difficulty = the shape (1-4).
 */
final class LinearEquationDomain implements Domain {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+");
    private static final Pattern X_PLUS = Pattern.compile("Solve for x: x \\+ (\\d+) = (-?\\d+)\\.");
    private static final Pattern AX_PLUS = Pattern.compile("Solve for x: (\\d+)x \\+ (\\d+) = (-?\\d+)\\.");
    private static final Pattern BOTH_SIDES = Pattern.compile(
            "Solve for x: (\\d+)x \\+ (\\d+) = (\\d+)x \\+ (-?\\d+)\\.");
    private static final Pattern BRACKETS = Pattern.compile("Solve for x: (\\d+)\\(x \\+ (\\d+)\\) \\+ (\\d+) = (-?\\d+)\\.");

    @Override
    public String name() {
        return "equation";
    }

    @Override
    public int minDifficulty() {
        return 1;
    }

    @Override
    public int maxDifficulty() {
        return 4;
    }

    @Override
    public Problem generate(int difficulty, RandomGenerator random) {
        requireDifficulty(difficulty);
        int x = random.nextInt(-9, 20);
        int a = random.nextInt(2, 10);
        int b = random.nextInt(1, 30);
        List<Step> steps;
        String question;
        switch (difficulty) {
            case 1 -> {
                int c = x + b;
                question = "Solve for x: x + " + b + " = " + c + ".";
                steps = List.of(new Step("x = " + c + " - " + b + " = " + x, "x = " + c + " - " + b + " = " + (x + 1),
                        "x = " + ColumnCheck.difference(c, b)));
            }
            case 2 -> {
                int c = a * x + b;
                question = "Solve for x: " + a + "x + " + b + " = " + c + ".";
                steps = List.of(
                        new Step(a + "x = " + c + " - " + b + " = " + (c - b), a + "x = " + c + " - " + b + " = " + (c - b + 1),
                                a + "x = " + ColumnCheck.difference(c, b)),
                        new Step("x = " + (c - b) + "/" + a + " = " + x, "x = " + (c - b) + "/" + a + " = " + (x + 1),
                                "x = " + ColumnCheck.exactQuotient(c - b, a)));
            }
            case 3 -> {
                int c = random.nextInt(1, a);
                int d = a * x + b - c * x;
                question = "Solve for x: " + a + "x + " + b + " = " + c + "x + " + d + ".";
                int k = a - c;
                steps = List.of(
                        new Step(a + "x - " + c + "x = " + d + " - " + b, a + "x + " + c + "x = " + d + " - " + b),
                        new Step(k + "x = " + (d - b), k + "x = " + (d - b + 1), k + "x = " + ColumnCheck.difference(d, b)),
                        new Step("x = " + (d - b) + "/" + k + " = " + x, "x = " + (d - b) + "/" + k + " = " + (x - 1),
                                "x = " + ColumnCheck.exactQuotient(d - b, k)));
            }
            default -> {
                int c = random.nextInt(1, 30);
                int d = a * (x + b) + c;
                question = "Solve for x: " + a + "(x + " + b + ") + " + c + " = " + d + ".";
                steps = List.of(
                        new Step(a + "(x + " + b + ") = " + d + " - " + c + " = " + (d - c),
                                a + "(x + " + b + ") = " + d + " - " + c + " = " + (d - c - 1),
                                a + "(x + " + b + ") = " + ColumnCheck.difference(d, c)),
                        new Step("x + " + b + " = " + (d - c) + "/" + a + " = " + (x + b),
                                "x + " + b + " = " + (d - c) + "/" + a + " = " + (x + b + 1),
                                "x + " + b + " = " + ColumnCheck.exactQuotient(d - c, a)),
                        new Step("x = " + (x + b) + " - " + b + " = " + x, "x = " + (x + b) + " - " + b + " = " + (x + 1),
                                "x = " + ColumnCheck.difference(x + b, b)));
            }
        }
        return new Problem(name(), difficulty, question, steps, Integer.toString(x));
    }

    @Override
    public boolean verify(String question, String answer) {
        if (!NUMBER.matcher(answer.trim()).matches()) {
            return false;
        }
        long x = Long.parseLong(answer.trim());
        Matcher m;
        if ((m = X_PLUS.matcher(question)).matches()) {
            return x + n(m, 1) == n(m, 2);
        }
        if ((m = AX_PLUS.matcher(question)).matches()) {
            return n(m, 1) * x + n(m, 2) == n(m, 3);
        }
        if ((m = BOTH_SIDES.matcher(question)).matches()) {
            return n(m, 1) * x + n(m, 2) == n(m, 3) * x + n(m, 4);
        }
        if ((m = BRACKETS.matcher(question)).matches()) {
            return n(m, 1) * (x + n(m, 2)) + n(m, 3) == n(m, 4);
        }
        return false;
    }

    private static long n(Matcher m, int group) {
        return Long.parseLong(m.group(group));
    }
}
