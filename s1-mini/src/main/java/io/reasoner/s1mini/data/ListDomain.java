package io.reasoner.s1mini.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Operations over a list of numbers: a running sum, or a running maximum. Difficulty = list length - 1, the
 * number of updates.
 */
final class ListDomain implements Domain {

    private static final Pattern QUESTION = Pattern.compile("What is the (sum|largest) of \\[([0-9, ]+)]\\?");

    @Override
    public String name() {
        return "list";
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
        int[] values = new int[difficulty + 1];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(100);
        }
        boolean sum = random.nextBoolean();
        String list = Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        String question = "What is the " + (sum ? "sum" : "largest") + " of [" + list + "]?";
        List<Step> steps = new ArrayList<>();
        int acc = values[0];
        steps.add(Step.exact("start with " + acc));
        for (int i = 1; i < values.length; i++) {
            int v = values[i];
            if (sum) {
                int next = acc + v;
                int wrong = next + (random.nextBoolean() ? 1 : 10);
                steps.add(new Step(acc + "+" + v + "=" + next, acc + "+" + v + "=" + wrong, ColumnCheck.sum(acc, v)));
                acc = next;
            } else if (v > acc) {
                steps.add(new Step(v + ">" + acc + ", now " + v, v + "<" + acc + ", keep " + acc));
                acc = v;
            } else {
                steps.add(new Step(v + "<=" + acc + ", keep " + acc, v + ">" + acc + ", now " + v));
            }
        }
        return new Problem(name(), difficulty, question, steps, Integer.toString(acc));
    }

    @Override
    public boolean verify(String question, String answer) {
        Matcher m = QUESTION.matcher(question);
        if (!m.matches() || !answer.trim().matches("\\d+")) {
            return false;
        }
        int[] values = Arrays.stream(m.group(2).split(",\\s*")).mapToInt(Integer::parseInt).toArray();
        int expected = m.group(1).equals("sum") ? Arrays.stream(values).sum() : Arrays.stream(values).max().orElseThrow();
        return Integer.toString(expected).equals(answer.trim());
    }
}
