package io.reasoner.s1mini.data;

import java.util.List;
import java.util.Optional;

/** The five problem families s1-mini trains and evaluates on. */
public final class Domains {

    private static final List<Domain> ALL = List.of(new AdditionDomain(), new ListDomain(),
            new BaseConversionDomain(), new LinearEquationDomain(), new OrderingDomain());

    private Domains() {
    }

    public static List<Domain> all() {
        return ALL;
    }

    public static Optional<Domain> byName(String name) {
        return ALL.stream().filter(domain -> domain.name().equals(name)).findFirst();
    }

    /** Whether {@code answer} is right for {@code question} of {@code domain}; false for an unknown domain. */
    public static boolean verify(String domain, String question, String answer) {
        return byName(domain).map(d -> d.verify(question, answer)).orElse(false);
    }
}
