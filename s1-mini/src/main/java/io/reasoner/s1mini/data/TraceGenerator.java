package io.reasoner.s1mini.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Writes a teacher's trace for a problem: its steps one per line, sometimes with one slip that the trace catches
 * ("Wait, " and the step derived again, right), sometimes with one re-check of a step that was right ("Wait, "
 * and the step derived again), and, at a set rate, teacher noise (a wrong final answer, or a trace cut off
 * mid-thought) for the quality filter to find.
 *
 * <p>So the line after a "Wait" always derives the step before it again, right: to a different result after a
 * slip, the same after a re-check. A model trained on both learns to work the step again, not to write something
 * different, and a "Wait" it writes after a right step costs it nothing. How the step is derived again, and which
 * step a re-check picks, is the {@link Rechecks} style. The last step may slip too when it ends with the answer (a
 * digit or letter of the answer wrong, then caught).
 *
 * @param slipRate    chance that a trace with a slippable step contains one corrected slip
 * @param noiseRate   chance that a trace is noise, half wrong answers and half truncations
 * @param recheckRate chance that a trace re-checks one step that did not slip
 * @param rechecks    what follows "Wait, ", and which step a re-check picks
 */
public record TraceGenerator(double slipRate, double noiseRate, double recheckRate, Rechecks rechecks) {

    /** What a trace writes after "Wait, ", and which step it re-checks. */
    public enum Rechecks {
        /**
         * The step's own line again; half of the re-checks are of the last step, so a forced "Wait" at the end of
         * thinking continues text the model has seen. The model then ends most of its own traces on a re-check,
         * and a forced "Wait" asks for a second one in a row, which no trace contains.
         */
        REPEAT,
        /**
         * The step's {@link Step#check() check}: where the step did a sum, difference or division in one go, the
         * same worked column by column, a different and smaller computation, so the line after "Wait" adds
         * information instead of copying the one above. The re-checked step is drawn uniformly, so most traces end
         * on their last step and a "Wait" forced there asks for what traces do after "Wait": a check of the step
         * before it. A third of the checks are written twice ({@link #CHECK_AGAIN_RATE}).
         */
        COLUMNS;

        public static Rechecks parse(String value) {
            return switch (value) {
                case "repeat" -> REPEAT;
                case "columns" -> COLUMNS;
                default -> throw new IllegalArgumentException("rechecks must be repeat or columns, was " + value);
            };
        }
    }

    /**
     * With {@link Rechecks#COLUMNS}, the chance that a check is followed by "Wait, " and the same check once more.
     * A model that ends its own thinking on a check then still meets a seen continuation when budget forcing
     * appends "Wait": the check copied, not a second, different re-check, which no other trace contains.
     */
    static final double CHECK_AGAIN_RATE = 1.0 / 3;

    public TraceGenerator {
        requireProbability("slipRate", slipRate);
        requireProbability("noiseRate", noiseRate);
        requireProbability("recheckRate", recheckRate);
        Objects.requireNonNull(rechecks, "rechecks");
    }

    /** No re-checks; slips are caught by the step's own line. */
    public TraceGenerator(double slipRate, double noiseRate) {
        this(slipRate, noiseRate, 0, Rechecks.REPEAT);
    }

    /** The same teacher with another re-check style. */
    public TraceGenerator withRechecks(Rechecks style) {
        return new TraceGenerator(slipRate, noiseRate, recheckRate, style);
    }

    private static void requireProbability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
        }
    }

    public Trace write(Problem problem, RandomGenerator random) {
        Objects.requireNonNull(problem, "problem");
        List<Step> steps = new ArrayList<>(problem.steps());
        int last = steps.size() - 1;
        steps.set(last, withAnswerSlip(steps.get(last), problem.answer(), random));
        List<Integer> slippable = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).slip() != null) {
                slippable.add(i);
            }
        }
        int slipAt = !slippable.isEmpty() && random.nextDouble() < slipRate
                ? slippable.get(random.nextInt(slippable.size())) : -1;
        int recheckAt = -1;
        if (random.nextDouble() < recheckRate) {
            int at = rechecks == Rechecks.REPEAT && random.nextBoolean() ? last : random.nextInt(steps.size());
            recheckAt = at == slipAt ? -1 : at;
        }
        StringBuilder thinking = new StringBuilder();
        int slipFrom = 0;
        int slipTo = 0;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (i == slipAt) {
                slipFrom = TraceFormat.THINK_OPEN.length() + thinking.length();
                slipTo = slipFrom + step.slip().length();
                thinking.append(step.slip()).append('\n');
                appendCheck(thinking, step, random);
            } else {
                thinking.append(step.text()).append('\n');
            }
            if (i == recheckAt) {
                appendCheck(thinking, step, random);
            }
        }
        Trace.Kind kind = slipAt >= 0 ? Trace.Kind.CORRECTED_SLIP : Trace.Kind.CLEAN;
        if (random.nextDouble() < noiseRate) {
            if (random.nextBoolean()) {
                return new Trace(problem, TraceFormat.completion(thinking.toString(), wrong(problem.answer(), random)),
                        Trace.Kind.WRONG_ANSWER, slipFrom, slipTo);
            }
            String cut = truncated(thinking.toString(), random);
            return slipTo <= cut.length() ? new Trace(problem, cut, Trace.Kind.TRUNCATED, slipFrom, slipTo)
                    : new Trace(problem, cut, Trace.Kind.TRUNCATED);
        }
        return new Trace(problem, TraceFormat.completion(thinking.toString(), problem.answer()), kind, slipFrom,
                slipTo);
    }

    private void appendCheck(StringBuilder thinking, Step step, RandomGenerator random) {
        if (rechecks == Rechecks.REPEAT) {
            thinking.append(TraceFormat.WAIT).append(step.text()).append('\n');
            return;
        }
        thinking.append(TraceFormat.WAIT).append(step.check()).append('\n');
        if (random.nextDouble() < CHECK_AGAIN_RATE) {
            thinking.append(TraceFormat.WAIT).append(step.check()).append('\n');
        }
    }

    /** A last step with no slip of its own that ends with the answer slips in the answer. */
    private static Step withAnswerSlip(Step step, String answer, RandomGenerator random) {
        if (step.slip() != null || !step.text().endsWith(answer)) {
            return step;
        }
        String head = step.text().substring(0, step.text().length() - answer.length());
        return new Step(step.text(), head + wrong(answer, random), step.check());
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
