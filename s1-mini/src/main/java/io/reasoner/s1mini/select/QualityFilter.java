package io.reasoner.s1mini.select;

import io.reasoner.s1mini.data.Domains;
import io.reasoner.s1mini.data.TraceFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * s1's first criterion, quality: keep a trace only if it is well-formed (it parses as thinking, close tag, answer,
 * end of turn) and its answer passes the domain's exact verifier; and keep one trace per question. The
 * generator's own label of a trace is never consulted: a trace is judged by its text alone, as s1 judged its
 * teacher's output.
 */
public final class QualityFilter {

    private QualityFilter() {
    }

    public static boolean passes(Candidate candidate) {
        Optional<TraceFormat.Parsed> parsed = TraceFormat.parse(candidate.trace().completion());
        return parsed.isPresent() && Domains.verify(candidate.domain(), candidate.trace().problem().question(),
                parsed.get().answer());
    }

    /** The candidates that pass, the first of each question only, in pool order. */
    public static List<Candidate> apply(List<Candidate> pool) {
        Set<String> questions = new HashSet<>();
        List<Candidate> kept = new ArrayList<>();
        for (Candidate candidate : pool) {
            if (passes(candidate) && questions.add(candidate.trace().problem().question())) {
                kept.add(candidate);
            }
        }
        return kept;
    }
}
