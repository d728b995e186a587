package io.reasoner.s1mini.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reasoner.s1mini.data.Domain;
import io.reasoner.s1mini.data.Domains;
import io.reasoner.s1mini.data.PoolGenerator;
import io.reasoner.s1mini.data.Trace;
import io.reasoner.s1mini.data.TraceGenerator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RecipeOptionsTest {

    @Test
    void pretrainOn_isParsedAndChecked() {
        assertThat(RecipeOptions.parse(new String[] {"--pretrain-on", "easier"}).pretrainOn())
                .isEqualTo(RecipeOptions.PretrainOn.EASIER);
        assertThat(RecipeOptions.parse(new String[] {"--pretrain-on", "all"}).pretrainOn())
                .isEqualTo(RecipeOptions.PretrainOn.ALL);
        assertThatThrownBy(() -> RecipeOptions.parse(new String[] {"--pretrain-on", "hard"}))
                .hasMessageContaining("all or easier");
    }

    @Test
    void rechecks_areParsedAndChecked_columnsByDefault() {
        assertThat(RecipeOptions.parse(new String[0]).rechecks()).isEqualTo(TraceGenerator.Rechecks.COLUMNS);
        assertThat(RecipeOptions.parse(new String[] {"--smoke", "true"}).rechecks())
                .isEqualTo(TraceGenerator.Rechecks.COLUMNS);
        assertThat(RecipeOptions.parse(new String[] {"--rechecks", "repeat"}).rechecks())
                .isEqualTo(TraceGenerator.Rechecks.REPEAT);
        assertThatThrownBy(() -> RecipeOptions.parse(new String[] {"--rechecks", "twice"}))
                .hasMessage("rechecks must be repeat or columns, was twice");
    }

    @Test
    void slips_areParsedAndChecked_learnedByDefault() {
        assertThat(RecipeOptions.parse(new String[0]).slips()).isEqualTo(RecipeOptions.Slips.LEARNED);
        assertThat(RecipeOptions.parse(new String[] {"--slips", "masked"}).slips())
                .isEqualTo(RecipeOptions.Slips.MASKED);
        assertThatThrownBy(() -> RecipeOptions.parse(new String[] {"--slips", "hidden"}))
                .hasMessage("--slips must be learned or masked, was hidden");
    }

    @Test
    void difficulty_isParsedAndChecked_baselineByDefault() {
        assertThat(RecipeOptions.parse(new String[0]).difficulty()).isEqualTo(RecipeOptions.Difficulty.BASELINE);
        assertThat(RecipeOptions.parse(new String[] {"--smoke", "true"}).difficulty())
                .isEqualTo(RecipeOptions.Difficulty.BASELINE);
        assertThat(RecipeOptions.parse(new String[] {"--difficulty", "length"}).difficulty())
                .isEqualTo(RecipeOptions.Difficulty.LENGTH);
        assertThatThrownBy(() -> RecipeOptions.parse(
                new String[] {"--difficulty", "model"})).hasMessage("--difficulty must be length or baseline, was model");
        assertThatThrownBy(() -> RecipeOptions.parse(
                new String[] {"--baseline-problems", "0"})).hasMessage("--baseline-problems must be >= 1, was 0");
    }

    @Test
    void easierHalf_keepsEachDomainsLowerLevelsOnly_andAllOfThem() {
        List<Trace> pool = new PoolGenerator(Domains.all(), Recipe.TEACHER).generate(2000, new SplittableRandom(2));

        List<Trace> easier = Recipe.easierHalf(pool);

        for (Domain domain : Domains.all()) {
            int middle = (domain.minDifficulty() + domain.maxDifficulty()) / 2;
            List<Integer> kept = easier.stream().filter(t -> t.problem().domain().equals(domain.name()))
                    .map(t -> t.problem().difficulty()).distinct().sorted().toList();
            long below = pool.stream().filter(t -> t.problem().domain().equals(domain.name())
                    && t.problem().difficulty() <= middle).count();
            assertThat(kept).as(domain.name()).first().isEqualTo(domain.minDifficulty());
            assertThat(kept).as(domain.name()).last().isEqualTo(middle);
            assertThat(easier.stream().filter(t -> t.problem().domain().equals(domain.name())).count())
                    .isEqualTo(below);
        }
        assertThat(easier.size()).isLessThan(pool.size());
    }
}
