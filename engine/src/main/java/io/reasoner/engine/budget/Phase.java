package io.reasoner.engine.budget;

/** Where a forced generation is: phases only move forward. */
public enum Phase {
    THINKING, ANSWER, DONE
}
