package io.reasoner.s1mini.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DomainsTest {

    @Test
    void everyDomain_generatesProblemsItsVerifierAccepts_andRejectsAnyOtherAnswer() {
        SplittableRandom random = new SplittableRandom(1);
        for (Domain domain : Domains.all()) {
            for (int d = domain.minDifficulty(); d <= domain.maxDifficulty(); d++) {
                for (int i = 0; i < 50; i++) {
                    Problem problem = domain.generate(d, random);
                    assertThat(domain.verify(problem.question(), problem.answer()))
                            .as("%s: %s -> %s", domain.name(), problem.question(), problem.answer()).isTrue();
                    assertThat(domain.verify(problem.question(), problem.answer() + "1")).isFalse();
                    assertThat(domain.verify(problem.question(), "")).isFalse();
                }
            }
        }
    }

    @Test
    void verifiers_knowTheAnswersToHandWrittenProblems() {
        assertThat(Domains.verify("addition", "What is 999 + 1?", "1000")).isTrue();
        assertThat(Domains.verify("addition", "What is 999 + 1?", "999")).isFalse();
        assertThat(Domains.verify("list", "What is the sum of [4, 7, 2, 9]?", "22")).isTrue();
        assertThat(Domains.verify("list", "What is the largest of [4, 70, 2, 9]?", "70")).isTrue();
        assertThat(Domains.verify("base", "Convert 13 to base 2.", "1101")).isTrue();
        assertThat(Domains.verify("base", "Convert 13 to base 3.", "1101")).isFalse();
        assertThat(Domains.verify("equation", "Solve for x: 3x + 7 = 22.", "5")).isTrue();
        assertThat(Domains.verify("equation", "Solve for x: 2(x + 3) + 4 = 2.", "-4")).isTrue();
        assertThat(Domains.verify("equation", "Solve for x: 5x + 1 = 2x + 10.", "3")).isTrue();
        assertThat(Domains.verify("ordering", "B is taller than C. A is taller than B. "
                + "Order everyone from tallest to shortest.", "A B C")).isTrue();
        assertThat(Domains.verify("ordering", "B is taller than C. A is taller than B. "
                + "Order everyone from tallest to shortest.", "B A C")).isFalse();
    }

    @Test
    void difficultyKnob_lengthensTheSolution() {
        SplittableRandom random = new SplittableRandom(2);
        for (Domain domain : Domains.all()) {
            double easy = meanSteps(domain, domain.minDifficulty(), random);
            double hard = meanSteps(domain, domain.maxDifficulty(), random);
            assertThat(hard).as(domain.name()).isGreaterThan(easy);
        }
    }

    @Test
    void difficultyOutsideTheRange_isRejected() {
        Domain addition = Domains.byName("addition").orElseThrow();
        assertThatThrownBy(() -> addition.generate(7, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("addition difficulty must be in [1, 6], was 7");
    }

    @ParameterizedTest
    @EnumSource(TraceGenerator.Rechecks.class)
    void correctedSlips_writeTheWrongStepThenWaitThenTheStepDerivedAgain_andStillReachTheAnswer(
            TraceGenerator.Rechecks style) {
        TraceGenerator always = new TraceGenerator(1.0, 0.0).withRechecks(style);
        SplittableRandom random = new SplittableRandom(3);
        for (Domain domain : Domains.all()) {
            Problem problem = domain.generate(domain.maxDifficulty(), random);
            Trace trace = always.write(problem, random);
            TraceFormat.Parsed parsed = TraceFormat.parse(trace.completion()).orElseThrow();
            assertThat(trace.kind()).isEqualTo(Trace.Kind.CORRECTED_SLIP);
            List<String> lines = parsed.thinking().lines().toList();
            int wait = indexOfWait(lines);
            List<String> texts = problem.steps().stream().map(Step::text).toList();
            List<String> again = problem.steps().stream()
                    .map(step -> style == TraceGenerator.Rechecks.COLUMNS ? step.check() : step.text()).toList();
            assertThat(again).contains(lines.get(wait).substring("Wait, ".length()));
            assertThat(texts).doesNotContain(lines.get(wait - 1));
            assertThat(trace.completion().substring(trace.slipFrom(), trace.slipTo())).isEqualTo(lines.get(wait - 1));
            assertThat(trace.completion().substring(trace.slipTo())).startsWith("\nWait, ");
            assertThat(domain.verify(problem.question(), parsed.answer())).isTrue();
        }
    }

    @Test
    void stepsThatAddSubtractOrDivideInOneGo_areCheckedColumnByColumn_othersByThemselves() {
        SplittableRandom random = new SplittableRandom(8);
        Problem sum = Domains.byName("list").orElseThrow().generate(3, random);
        while (!sum.question().contains("sum")) {
            sum = Domains.byName("list").orElseThrow().generate(3, random);
        }
        Step first = sum.steps().get(1);
        String[] operands = first.text().split("[+=]");
        assertThat(first.check()).isEqualTo(ColumnCheck.sum(Long.parseLong(operands[0]), Long.parseLong(operands[1])));
        assertThat(sum.steps().get(0).check()).isEqualTo(sum.steps().get(0).text());

        Problem equation = Domains.byName("equation").orElseThrow().generate(2, random);
        assertThat(equation.steps().get(0).check()).contains(": ").endsWith(", so " + equation.steps().get(0).text()
                .substring(equation.steps().get(0).text().lastIndexOf(' ') + 1));
        assertThat(equation.steps().get(1).check()).isEqualTo("x = " + ColumnCheck.exactQuotient(
                Long.parseLong(equation.steps().get(0).text().substring(equation.steps().get(0).text()
                        .lastIndexOf(' ') + 1)), Integer.parseInt(equation.steps().get(0).text().split("x")[0])));
        Problem base = Domains.byName("base").orElseThrow().generate(2, random);
        Step last = base.steps().get(base.steps().size() - 1);
        assertThat(base.steps().get(0).check()).startsWith(base.steps().get(0).text().split("=")[0] + ": ");
        assertThat(last.check()).isEqualTo(last.text());
        Problem addition = Domains.byName("addition").orElseThrow().generate(3, random);
        addition.steps().forEach(step -> assertThat(step.check()).isEqualTo(step.text()));
    }

    @Test
    void aLastStepEndingWithTheAnswer_canSlipInTheAnswer_andIsCaught() {
        SplittableRandom random = new SplittableRandom(5);
        Domain addition = Domains.byName("addition").orElseThrow();
        Problem problem = addition.generate(3, random);
        String last = problem.steps().get(problem.steps().size() - 1).text();
        TraceGenerator always = new TraceGenerator(1.0, 0.0);
        boolean seen = false;
        for (int i = 0; i < 200 && !seen; i++) {
            List<String> lines = TraceFormat.parse(always.write(problem, random).completion()).orElseThrow()
                    .thinking().lines().toList();
            if (lines.get(lines.size() - 1).equals("Wait, " + last)) {
                String slipped = lines.get(lines.size() - 2);
                assertThat(slipped).isNotEqualTo(last).startsWith("digits from last to first: ")
                        .hasSameSizeAs(last);
                seen = true;
            }
        }
        assertThat(seen).as("a slip in the last step within 200 traces").isTrue();
    }

    @Test
    void repeatRechecks_writeAStepThatWasRightAgainAfterWait_theLastOneHalfTheTime() {
        int ofLast = 0;
        List<Rechecked> traces = rechecked(TraceGenerator.Rechecks.REPEAT);
        for (Rechecked trace : traces) {
            List<String> lines = trace.lines();
            int wait = indexOfWait(lines);
            assertThat(lines).hasSize(trace.texts().size() + 1);
            assertThat(lines.get(wait)).isEqualTo("Wait, " + lines.get(wait - 1));
            assertThat(trace.texts()).contains(lines.get(wait - 1));
            ofLast += wait == lines.size() - 1 ? 1 : 0;
        }
        assertThat(ofLast).isBetween(traces.size() / 2, traces.size() * 3 / 4);
    }

    @Test
    void columnRechecks_writeTheCheckOfAStepThatWasRight_drawnUniformly_aThirdOfThemTwice() {
        int ofLast = 0;
        double expectedOfLast = 0;
        int checkedTwice = 0;
        List<Rechecked> traces = rechecked(TraceGenerator.Rechecks.COLUMNS);
        for (Rechecked trace : traces) {
            List<String> lines = trace.lines();
            List<String> texts = trace.texts();
            int wait = indexOfWait(lines);
            int checked = texts.indexOf(lines.get(wait - 1));
            assertThat(lines.get(wait)).isEqualTo("Wait, " + trace.problem().steps().get(checked).check());
            boolean twice = lines.size() == texts.size() + 2;
            if (twice) {
                assertThat(lines.get(wait + 1)).isEqualTo(lines.get(wait));
            } else {
                assertThat(lines).hasSize(texts.size() + 1);
            }
            checkedTwice += twice ? 1 : 0;
            ofLast += checked == texts.size() - 1 ? 1 : 0;
            expectedOfLast += 1.0 / texts.size();
        }
        assertThat((double) ofLast).isBetween(expectedOfLast * 0.6, expectedOfLast * 1.4);
        assertThat(checkedTwice).isBetween(traces.size() / 5, traces.size() / 2);
    }

    /** A trace that re-checks one step, with the thinking's lines and the problem's step texts. */
    private record Rechecked(Problem problem, List<String> lines, List<String> texts) {
    }

    /** 40 traces per domain at its hardest level, each re-checking one step, every one verified. */
    private static List<Rechecked> rechecked(TraceGenerator.Rechecks style) {
        TraceGenerator recheck = new TraceGenerator(0.0, 0.0, 1.0, style);
        SplittableRandom random = new SplittableRandom(6);
        List<Rechecked> traces = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            for (Domain domain : Domains.all()) {
                Problem problem = domain.generate(domain.maxDifficulty(), random);
                TraceFormat.Parsed parsed = TraceFormat.parse(recheck.write(problem, random).completion())
                        .orElseThrow();
                assertThat(domain.verify(problem.question(), parsed.answer())).isTrue();
                traces.add(new Rechecked(problem, parsed.thinking().lines().toList(),
                        problem.steps().stream().map(Step::text).toList()));
            }
        }
        return traces;
    }

    @Test
    void noise_isWrongOrMalformed_soTheVerifierOrParserCatchesIt() {
        TraceGenerator noisy = new TraceGenerator(0.0, 1.0);
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 200; i++) {
            Domain domain = Domains.all().get(i % Domains.all().size());
            Trace trace = noisy.write(domain.generate(domain.minDifficulty() + 1, random), random);
            boolean accepted = TraceFormat.parse(trace.completion())
                    .map(p -> domain.verify(trace.problem().question(), p.answer())).orElse(false);
            assertThat(accepted).as(trace.completion()).isFalse();
        }
    }

    private static int indexOfWait(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Wait, ")) {
                return i;
            }
        }
        throw new AssertionError("no Wait line in " + lines);
    }

    private static double meanSteps(Domain domain, int difficulty, SplittableRandom random) {
        double total = 0;
        for (int i = 0; i < 40; i++) {
            total += domain.generate(difficulty, random).steps().size();
        }
        return total / 40;
    }
}
