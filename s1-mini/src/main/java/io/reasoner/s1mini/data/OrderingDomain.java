package io.reasoner.s1mini.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ordering puzzles: shuffled facts "P is taller than Q" about neighbours in a hidden order; the answer is the
 * whole order, tallest first. The solution finds the one nobody is taller than, then follows the facts down.
 * Difficulty = people - 2 (one step per link).
 */
final class OrderingDomain implements Domain {

    private static final Pattern FACT = Pattern.compile("([A-Z]) is taller than ([A-Z])\\.");
    private static final Pattern QUESTION = Pattern.compile("((?:[A-Z] is taller than [A-Z]\\. )+)"
            + "Order everyone from tallest to shortest\\.");

    @Override
    public String name() {
        return "ordering";
    }

    @Override
    public int minDifficulty() {
        return 1;
    }

    @Override
    public int maxDifficulty() {
        return 6;
    }

    @Override
    public Problem generate(int difficulty, RandomGenerator random) {
        requireDifficulty(difficulty);
        int people = difficulty + 2;
        List<Character> letters = new ArrayList<>();
        for (char c = 'A'; c <= 'Z'; c++) {
            letters.add(c);
        }
        shuffle(letters, random);
        List<Character> order = letters.subList(0, people);
        List<String> facts = new ArrayList<>();
        for (int i = 0; i + 1 < people; i++) {
            facts.add(order.get(i) + " is taller than " + order.get(i + 1) + ".");
        }
        shuffle(facts, random);
        String question = String.join(" ", facts) + " Order everyone from tallest to shortest.";
        List<Step> steps = new ArrayList<>();
        char top = order.get(0);
        char notTop = order.get(1 + random.nextInt(people - 1));
        steps.add(new Step("nobody is taller than " + top + ", so " + top + " is tallest",
                "nobody is taller than " + notTop + ", so " + notTop + " is tallest"));
        for (int i = 0; i + 1 < people; i++) {
            char above = order.get(i);
            char below = order.get(i + 1);
            char other = order.get(random.nextInt(people));
            String slip = other == below || other == above ? null : above + " > " + other;
            steps.add(new Step(above + " > " + below, slip));
        }
        StringBuilder answer = new StringBuilder();
        for (char c : order) {
            answer.append(answer.length() == 0 ? "" : " ").append(c);
        }
        return new Problem(name(), difficulty, question, steps, answer.toString());
    }

    @Override
    public boolean verify(String question, String answer) {
        Matcher q = QUESTION.matcher(question);
        if (!q.matches()) {
            return false;
        }
        Map<String, String> below = new HashMap<>();
        Set<String> hasAbove = new HashSet<>();
        Matcher fact = FACT.matcher(q.group(1));
        while (fact.find()) {
            below.put(fact.group(1), fact.group(2));
            hasAbove.add(fact.group(2));
        }
        List<String> tops = below.keySet().stream().filter(p -> !hasAbove.contains(p)).toList();
        if (tops.size() != 1) {
            return false;
        }
        List<String> expected = new ArrayList<>();
        for (String p = tops.get(0); p != null; p = below.get(p)) {
            expected.add(p);
        }
        return String.join(" ", expected).equals(answer.trim());
    }

    private static <T> void shuffle(List<T> list, RandomGenerator random) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }
}
