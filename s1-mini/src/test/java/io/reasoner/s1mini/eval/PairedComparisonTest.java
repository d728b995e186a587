package io.reasoner.s1mini.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.reasoner.s1mini.data.Problem;
import io.reasoner.s1mini.data.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairedComparisonTest {

    @Test
    void signTest_matchesTheBinomialTails() {
        // 2 * (C(10,0) + C(10,1) + C(10,2)) / 2^10 = 2 * 56 / 1024
        assertThat(PairedComparison.signTest(8, 2)).isCloseTo(112.0 / 1024, offset(1e-12));
        assertThat(PairedComparison.signTest(2, 8)).isCloseTo(112.0 / 1024, offset(1e-12));
        assertThat(PairedComparison.signTest(5, 5)).isEqualTo(1.0);
        assertThat(PairedComparison.signTest(0, 0)).isEqualTo(1.0);
        assertThat(PairedComparison.signTest(6, 0)).isCloseTo(2.0 / 64, offset(1e-12));
    }

    @Test
    void signTest_staysFiniteForManyDisagreements() {
        double p = PairedComparison.signTest(700, 500);

        assertThat(p).isGreaterThan(0).isLessThan(1e-6);
    }

    @Test
    void negativeCounts_areRejected() {
        assertThatThrownBy(() -> PairedComparison.signTest(-1, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pairs_countTheProblemsOnlyOneRunGotRight() {
        PairedComparison.Outcome a = new PairedComparison.Outcome("curated", "cap 256",
                new boolean[] {true, true, false, true, false});
        PairedComparison.Outcome b = new PairedComparison.Outcome("random", "cap 256",
                new boolean[] {true, false, true, false, false});

        List<String> lines = PairedComparison.pairs(List.of(a, b));

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("curated cap 256").contains("random cap 256")
                .contains("only first   2, only second   1, p = 1.000");
    }

    @Test
    void byDomain_countsEachDomainsRightAnswers_inNameOrder() {
        List<Problem> test = List.of(problem("list"), problem("addition"), problem("list"), problem("addition"),
                problem("list"));
        PairedComparison.Outcome outcome = new PairedComparison.Outcome("base", "Wait x1",
                new boolean[] {true, false, true, true, false});

        assertThat(PairedComparison.byDomain(outcome, test)).isEqualTo("addition 1/2, list 2/3");
        assertThatThrownBy(() -> PairedComparison.byDomain(outcome, test.subList(0, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("outcome has 5 runs for 2 problems");
    }

    private static Problem problem(String domain) {
        return new Problem(domain, 1, "What is 1 + 2?", List.of(Step.exact("1+2=3")), "3");
    }
}
