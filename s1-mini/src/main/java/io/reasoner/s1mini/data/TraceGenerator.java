package io.reasoner.s1mini.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Writes a teacher's trace for a problem: its steps one per line, sometimes with one slip that the trace catches
 * ("Wait, " and the step done right), and, at a set rate, teacher noise (a wrong final answer, or a trace cut
 * off mid-thought) for the quality filter to find.
 *
 * @param slipRate  chance that a trace with a slippable step contains one corrected slip
 * @param noiseRate chance that a trace is noise, half wrong answers and half truncations
 */
public record TraceGenerator(double slipRate, double noiseRate) {

    public TraceGenerator {
        requireProbability("slipRate", slipRate);
        requireProbability("noiseRate", noiseRate);
    }

    private static void requireProbability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
        }
    }

    public Trace write(Problem problem, RandomGenerator random) {
        Objects.requireNonNull(problem, "problem");
        List<Integer> slippable = new ArrayList<>();
        for (int i = 0; i < problem.steps().size(); i++) {
            if (problem.steps().get(i).slip() != null) {
                slippable.add(i);
            }
        }
        int slipAt = !slippable.isEmpty() && random.nextDouble() < slipRate
                ? slippable.get(random.nextInt(slippable.size())) : -1;
        StringBuilder thinking = new StringBuilder();
        for (int i = 0; i < problem.steps().size(); i++) {
            Step step = problem.steps().get(i);
            if (i == slipAt) {
                thinking.append(step.slip()).append('\n').append(TraceFormat.WAIT);
            }
            thinking.append(step.text()).append('\n');
        }
        Trace.Kind kind = slipAt >= 0 ? Trace.Kind.CORRECTED_SLIP : Trace.Kind.CLEAN;
        if (random.nextDouble() < noiseRate) {
            return random.nextBoolean()
                    ? new Trace(problem, TraceFormat.completion(thinking.toString(), wrong(problem.answer(), random)),
                            Trace.Kind.WRONG_ANSWER)
                    : new Trace(problem, truncated(thinking.toString(), random), Trace.Kind.TRUNCATED);
        }
        return new Trace(problem, TraceFormat.completion(thinking.toString(), problem.answer()), kind);
    }

    /** The answer with one digit or letter changed, so it stays plausible but is wrong. */
    private static String wrong(String answer, RandomGenerator random) {
        char[] chars = answer.toCharArray();
        List<Integer> changeable = new ArrayList<>();
        for (int i = 0; i < chars.length; i++) {
            if (Character.isLetterOrDigit(chars[i])) {
                changeable.add(i);
            }
        }
        int at = changeable.get(random.nextInt(changeable.size()));
        chars[at] = Character.isDigit(chars[at]) ? (char) ('0' + (chars[at] - '0' + 1 + random.nextInt(8)) % 10)
                : (char) ('A' + (chars[at] - 'A' + 1) % 26);
        return new String(chars);
    }

    private static String truncated(String thinking, RandomGenerator random) {
        return TraceFormat.THINK_OPEN + thinking.substring(0, random.nextInt(1, Math.max(2, thinking.length())));
    }
}
