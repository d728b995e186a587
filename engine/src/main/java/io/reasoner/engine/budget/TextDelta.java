package io.reasoner.engine.budget;

import java.util.Objects;

/**
 * Newly decoded text: never empty, never a partial UTF-8 character, never part of the end-of-thinking delimiter.
 * Injected extension text arrives as thinking text (just after its {@link ControlKind#WAIT_INJECTED}); the forced
 * answer prefix as answer text.
 *
 * @param phase          {@link Phase#THINKING} or {@link Phase#ANSWER}
 * @param thinkingTokens thinking tokens so far, this text's included
 * @param answerTokens   answer tokens so far, this text's included
 */
public record TextDelta(Phase phase, String text, int thinkingTokens, int answerTokens) implements ForcingEvent {

    public TextDelta {
        Objects.requireNonNull(phase, "phase");
        if (phase == Phase.DONE) {
            throw new IllegalArgumentException("phase must be THINKING or ANSWER, was DONE");
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("text must not be empty");
        }
    }
}
