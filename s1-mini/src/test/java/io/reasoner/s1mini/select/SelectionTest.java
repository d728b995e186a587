package io.reasoner.s1mini.select;

import static org.assertj.core.api.Assertions.assertThat;

import io.reasoner.s1mini.data.Domain;
import io.reasoner.s1mini.data.Domains;
import io.reasoner.s1mini.data.PoolGenerator;
import io.reasoner.s1mini.data.Trace;
import io.reasoner.s1mini.data.TraceGenerator;
import io.reasoner.s1mini.vocab.S1Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelectionTest {

    private static Selection selection;
    private static DifficultyFilter difficulty;

    @TempDir
    Path dir;

    @BeforeAll
    static void select() {
        List<Trace> pool = new PoolGenerator(Domains.all(), new TraceGenerator(0.3, 0.2))
                .generate(1500, new SplittableRandom(5));
        S1Vocabulary vocabulary = S1Vocabulary.learn(pool.stream().map(Trace::completion).toList(), 400);
        difficulty = new DifficultyFilter(DifficultyFilter.Baseline.none(), 0.5);
        selection = Selection.run(pool, vocabulary.tokenizer(), 100, difficulty, new SplittableRandom(6));
    }

    @Test
    void quality_dropsEveryNoisyTrace_andKeepsOnlyVerifiedDistinctQuestions() {
        assertThat(selection.pool()).anyMatch(c -> c.trace().kind() == Trace.Kind.WRONG_ANSWER)
                .anyMatch(c -> c.trace().kind() == Trace.Kind.TRUNCATED);
        assertThat(selection.quality()).allMatch(QualityFilter::passes)
                .noneMatch(c -> c.trace().kind() == Trace.Kind.WRONG_ANSWER
                        || c.trace().kind() == Trace.Kind.TRUNCATED);
        Set<String> questions = new HashSet<>();
        assertThat(selection.quality()).allMatch(c -> questions.add(c.trace().problem().question()));
        long clean = selection.pool().stream().filter(c -> c.trace().kind() == Trace.Kind.CLEAN
                || c.trace().kind() == Trace.Kind.CORRECTED_SLIP).map(c -> c.trace().problem().question())
                .distinct().count();
        assertThat(selection.quality()).hasSize((int) clean);
    }

    @Test
    void difficulty_keepsOnlyTracesAtLeastAsLongAsTheirDomainsMedian() {
        Map<String, Integer> thresholds = difficulty.thresholds(selection.quality());
        assertThat(selection.hard()).isNotEmpty().allMatch(c -> c.thinkingTokens() >= thresholds.get(c.domain()));
        assertThat(selection.hard().size()).isLessThan(selection.quality().size());
        assertThat(selection.curated()).allMatch(selection.hard()::contains);
    }

    @Test
    void difficulty_alsoKeepsShortTracesTheBaselineGetsWrong() {
        DifficultyFilter withBaseline = new DifficultyFilter(p -> !p.domain().equals("list"), 1.0);
        List<Candidate> hard = withBaseline.apply(selection.quality());
        assertThat(hard).extracting(Candidate::domain).contains("list");
        long listInQuality = selection.quality().stream().filter(c -> c.domain().equals("list")).count();
        assertThat(hard.stream().filter(c -> c.domain().equals("list")).count()).isEqualTo(listInQuality);
    }

    @Test
    void byBaseline_keepsExactlyWhatTheBaselineGetsWrong_shortOrLong() {
        DifficultyFilter failures = DifficultyFilter.byBaseline(p -> !p.domain().equals("list"));

        List<Candidate> hard = failures.apply(selection.quality());

        List<Candidate> lists = selection.quality().stream().filter(c -> c.domain().equals("list")).toList();
        assertThat(hard).isNotEmpty().containsExactlyElementsOf(lists);
        Map<String, Integer> thresholds = difficulty.thresholds(selection.quality());
        assertThat(hard).anyMatch(c -> c.thinkingTokens() < thresholds.get(c.domain()));
    }

    @Test
    void byLength_isTheLengthCriterionWithNoBaseline() {
        assertThat(DifficultyFilter.byLength(0.5).apply(selection.quality()))
                .containsExactlyElementsOf(selection.hard());
    }

    @Test
    void diversity_spreadsTheCuratedSetOverDomainsAndDifficulties() {
        SetStats curated = SetStats.of("curated", selection.curated());
        assertThat(selection.curated()).hasSize(100);
        for (Domain domain : Domains.all()) {
            assertThat(curated.domainCount(domain.name())).as(domain.name()).isBetween(15, 25);
            assertThat(curated.byDomainDifficulty().get(domain.name()).size()).as(domain.name())
                    .isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void curated_isLongerThanRandom_andRandomIsTheSameSizeFromTheWholePool() {
        SetStats curated = SetStats.of("curated", selection.curated());
        SetStats random = SetStats.of("random", selection.random());
        assertThat(random.count()).isEqualTo(curated.count());
        assertThat(selection.pool()).containsAll(selection.random());
        assertThat(curated.meanThinkingTokens()).isGreaterThan(random.meanThinkingTokens());
        assertThat(curated.verifiedShare()).isEqualTo(1.0);
    }

    @Test
    void report_writesJsonAndMarkdownWithEveryStage() throws IOException {
        SelectionReport.write(selection, dir.resolve("stats.json"), dir.resolve("stats.md"));
        String json = Files.readString(dir.resolve("stats.json"));
        String md = Files.readString(dir.resolve("stats.md"));
        for (String stage : List.of("pool", "quality", "difficulty", "curated", "random")) {
            assertThat(json).contains("\"name\" : \"" + stage + "\"");
            assertThat(md).contains("| " + stage + " | ");
        }
    }
}
