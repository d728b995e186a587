package io.reasoner.engine.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.reasoner.engine.sampling.Sampler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a request once without interruption, recording every event and the checkpoint after each; then resumes
 * fresh runs from those checkpoints and checks that what was streamed before the checkpoint plus what the resumed
 * run streams is exactly the uninterrupted stream, with the same result, after one prefill.
 */
final class Resumption {

    /** A budget change made right after the uninterrupted run delivered its event number {@code afterEvent}. */
    record Change(int afterEvent, Consumer<BudgetControl> change) {
    }

    /** The uninterrupted run: its events, the checkpoint after each (index k: after k events), its result. */
    record Run(List<ForcingEvent> events, List<ForcingCheckpoint> checkpoints, ForcingResult result) {

        int size() {
            return events.size();
        }
    }

    private final CountingModel model;
    private final ThinkingFormat format;
    private final ForcingRequest request;
    private final Supplier<Sampler> samplers;
    private final Change change; // null when the run's budget does not change

    Resumption(CountingModel model, ThinkingFormat format, ForcingRequest request, Supplier<Sampler> samplers,
               Change change) {
        this.model = model;
        this.format = format;
        this.request = request;
        this.samplers = samplers;
        this.change = change;
    }

    Resumption(CountingModel model, ThinkingFormat format, ForcingRequest request, Supplier<Sampler> samplers) {
        this(model, format, request, samplers, null);
    }

    Run uninterrupted() {
        BudgetControl control = new BudgetControl();
        List<ForcingEvent> events = new ArrayList<>();
        List<ForcingCheckpoint> checkpoints = new ArrayList<>();
        CheckpointRecorder recorder = new CheckpointRecorder(request.budget());
        checkpoints.add(recorder.checkpoint());
        ForcingResult result = new BudgetForcer(model, format).generate(withControl(request, control),
                samplers.get(), event -> {
                    events.add(event);
                    recorder.onEvent(event);
                    checkpoints.add(recorder.checkpoint());
                    if (change != null && events.size() == change.afterEvent()) {
                        change.change().accept(control);
                    }
                });
        return new Run(List.copyOf(events), List.copyOf(checkpoints), result);
    }

    /** Resumes from the checkpoint after event {@code k} and checks the stream, the result and the prefill. */
    void checkResumeAt(Run first, int k) {
        ForcingCheckpoint checkpoint = first.checkpoints().get(k);
        BudgetControl control = new BudgetControl();
        if (change != null && change.afterEvent() <= k && appliedAfter(first, change.afterEvent()) > k) {
            change.change().accept(control); // made before the failure, not yet applied: the worker makes it again
        }
        List<ForcingEvent> resumed = new ArrayList<>();
        List<String> callsAtFirstSample = new ArrayList<>();
        Sampler sampler = samplers.get();
        Sampler watching = new Sampler() {
            private boolean sampled;

            @Override
            public int sample(float[] logits) {
                return sample(logits, -1);
            }

            @Override
            public int sample(float[] logits, int position) {
                if (!sampled) {
                    sampled = true;
                    callsAtFirstSample.addAll(model.calls());
                }
                return sampler.sample(logits, position);
            }
        };
        model.clearCalls();

        ForcingResult result = new BudgetForcer(model, format).generate(
                withControl(request, control).resumingFrom(checkpoint), watching, event -> {
                    resumed.add(event);
                    if (change != null && k + resumed.size() == change.afterEvent()) {
                        change.change().accept(control);
                    }
                });

        List<ForcingEvent> joined = new ArrayList<>(first.events().subList(0, k));
        joined.addAll(resumed);
        String where = "resumed after event " + k + " of " + first.size() + " from " + checkpoint;
        assertThat(joined).as(where).containsExactlyElementsOf(first.events());
        assertThat(result).as(where).isEqualTo(first.result());
        if (!callsAtFirstSample.isEmpty()) {
            assertThat(callsAtFirstSample).as(where + ": one prefill before the first sample").hasSize(1);
            assertThat(prefilled(callsAtFirstSample.get(0))).as(where)
                    .startsWith(concat(request.promptTokens(), format.opening().tokens(), checkpoint.tokens()));
        }
    }

    void checkEveryBoundary(Run first) {
        for (int k = 0; k <= first.size(); k++) {
            checkResumeAt(first, k);
        }
    }

    private ForcingRequest withControl(ForcingRequest base, BudgetControl control) {
        return change == null ? base : base.withControl(control);
    }

    /** The 1-based index of the first BUDGET_CHANGED after event {@code after}, or past the end if none. */
    private static int appliedAfter(Run first, int after) {
        for (int i = after; i < first.size(); i++) {
            if (first.events().get(i) instanceof ControlEvent control && control.kind() == ControlKind.BUDGET_CHANGED) {
                return i + 1;
            }
        }
        return first.size() + 1;
    }

    private static int[] prefilled(String call) {
        assertThat(call).startsWith("prefill[");
        return Arrays.stream(call.substring("prefill[".length(), call.length() - 1).split(", "))
                .mapToInt(Integer::parseInt).toArray();
    }

    private static int[] concat(int[]... parts) {
        return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
    }

    /** The tokens of every event, concatenated: what the events say was committed after prompt and opening. */
    static int[] committed(List<ForcingEvent> events) {
        return events.stream().flatMapToInt(event -> Arrays.stream(event.committedTokens())).toArray();
    }
}
