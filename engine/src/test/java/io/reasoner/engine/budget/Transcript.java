package io.reasoner.engine.budget;

import java.util.ArrayList;
import java.util.List;

/** Records a forced generation's events, and renders them one per line for readable assertions. */
final class Transcript implements ForcingListener {

    private final List<ForcingEvent> events = new ArrayList<>();

    @Override
    public void onEvent(ForcingEvent event) {
        events.add(event);
    }

    List<ForcingEvent> events() {
        return events;
    }

    String text(Phase phase) {
        StringBuilder text = new StringBuilder();
        for (ForcingEvent event : events) {
            if (event instanceof TextDelta delta && delta.phase() == phase) {
                text.append(delta.text());
            }
        }
        return text.toString();
    }

    String thinking() {
        return text(Phase.THINKING);
    }

    String answer() {
        return text(Phase.ANSWER);
    }

    List<ControlKind> controls() {
        List<ControlKind> kinds = new ArrayList<>();
        for (ForcingEvent event : events) {
            if (event instanceof ControlEvent control) {
                kinds.add(control.kind());
            }
        }
        return kinds;
    }

    /**
     * One line per event: {@code think " so" 1/0} (phase, text, thinking/answer tokens after it) or
     * {@code WAIT_INJECTED "Wait" 4 ext=1 max=8}.
     */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (ForcingEvent event : events) {
            if (event instanceof TextDelta delta) {
                lines.add((delta.phase() == Phase.THINKING ? "think" : "answer") + " \"" + escape(delta.text())
                        + "\" " + delta.thinkingTokens() + "/" + delta.answerTokens());
            } else if (event instanceof ControlEvent control) {
                lines.add(control.kind() + " \"" + escape(control.injectedText()) + "\" " + control.thinkingTokens()
                        + " ext=" + control.extensionsUsed() + " max=" + control.budget().maxThinkingTokens());
            }
        }
        return lines;
    }

    private static String escape(String text) {
        return text.replace("\n", "\\n");
    }
}
