package io.reasoner.s1mini.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.reasoner.s1mini.data.Domain;
import io.reasoner.s1mini.data.Domains;
import io.reasoner.s1mini.data.Problem;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TestSetTest {

    @Test
    void everyDomainGetsItsShare_evenWhenItsEasiestLevelIsEntirelyInThePool() {
        Domain addition = Domains.byName("addition").orElseThrow();
        Set<String> pool = new HashSet<>();
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 5_000; i++) {
            pool.add(addition.generate(1, random).question()); // all 100 one-digit sums
        }

        List<Problem> test = EvalCommand.testSet(pool, 10, 2);

        assertThat(test).hasSize(50).noneMatch(p -> pool.contains(p.question()));
        for (Domain domain : Domains.all()) {
            assertThat(test).filteredOn(p -> p.domain().equals(domain.name())).as(domain.name()).hasSize(10);
        }
        assertThat(test).filteredOn(p -> p.domain().equals("addition")).noneMatch(p -> p.difficulty() == 1);
    }
}
