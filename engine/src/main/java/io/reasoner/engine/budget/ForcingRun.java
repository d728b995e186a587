package io.reasoner.engine.budget;

import io.reasoner.engine.model.Sequence;
import io.reasoner.engine.sampling.Sampler;
import io.reasoner.engine.tokenizer.StreamingDetokenizer;
import io.reasoner.engine.tokenizer.Tokenizer;

/**
 * One forced generation: the THINKING → ANSWER → DONE state machine over one sequence. Each step checks for
 * cancellation, applies a pending budget change, fires the cap if reached, feeds what is pending, samples one token
 * and lets the phase decide what it means. After each step that settled (nothing held back as a possible delimiter,
 * no rolled-back position awaiting its resample) it commits the tokens fed since the last commit
 * ({@link TokensCommitted}): a point a resumed run can restore. Single use, confined to the decoding thread.
 */
final class ForcingRun {

    private final ThinkingFormat format;
    private final Tokenizer tokenizer;
    private final ForcingRequest request;
    private final Sampler sampler;
    private final ForcingListener listener;
    private final SequenceFeed feed;
    private final Injections injections;
    private final EndingMask mask;
    private final DelimiterMatcher matcher; // null when the end delimiter is one token, matched by id
    private final BudgetLedger ledger;
    private StreamingDetokenizer detokenizer;
    private Phase phase = Phase.THINKING;
    private FinishReason finish;
    private float[] logits; // after the last fed token; current whenever nothing is pending
    private int promptEnd; // prompt and opening: where committed tokens start
    private int committedEnd; // the sequence position up to which tokens are committed
    private int answerTextFrom = -1; // sequence position where the answer's detokenizer started; -1 see checkpoint
    private int eventsSinceCommit;
    private int replaying; // events a resumed run produces again but does not deliver: its checkpoint counted them

    ForcingRun(ThinkingFormat format, Tokenizer tokenizer, ForcingRequest request, Sampler sampler,
               ForcingListener listener, Sequence sequence) {
        this.format = format;
        this.tokenizer = tokenizer;
        this.request = request;
        this.sampler = sampler;
        this.listener = listener;
        this.feed = new SequenceFeed(sequence);
        this.injections = Injections.encode(tokenizer, format, request.budget());
        this.mask = new EndingMask(format, injections.extension().length);
        this.matcher = format.detectsEndByText() ? new DelimiterMatcher(format.end().text()) : null;
        this.ledger = new BudgetLedger(request.budget(), injections.extension().length);
        this.detokenizer = tokenizer.newDetokenizer();
    }

    ForcingResult run() {
        start();
        while (finish == null) {
            step();
            if (finish == null) {
                commitIfSettled();
            }
        }
        endText();
        if (replaying > 0) {
            throw diverged("ended");
        }
        return new ForcingResult(finish, promptEnd, ledger.committedThinking(), ledger.answer(),
                ledger.injected(), ledger.extensionsUsed(), ledger.capFired(), ledger.budget());
    }

    /**
     * Appends the prompt and opening, and when resuming the checkpoint's tokens too, so that the first step
     * feeds them all in one prefill; a resumed run also restores the counts and the text decoding state, which
     * is a function of the tokens since its detokenizer started.
     */
    private void start() {
        feed.append(request.promptTokens());
        feed.append(format.opening().tokens());
        promptEnd = feed.position();
        committedEnd = promptEnd;
        ForcingCheckpoint checkpoint = request.resumeFrom().orElse(null);
        if (checkpoint != null) {
            feed.append(checkpoint.tokens());
            committedEnd = feed.position();
            ledger.restore(checkpoint);
            phase = checkpoint.phase();
            replaying = checkpoint.eventsSinceCommit();
            if (checkpoint.answerTextFrom() >= 0) {
                answerTextFrom = promptEnd + checkpoint.answerTextFrom();
            }
        }
        int textFrom = answerTextFrom < 0 ? 0 : answerTextFrom;
        detokenizer.skip(feed.tokensBetween(textFrom, feed.position()));
    }

    private void step() {
        if (request.cancelled().getAsBoolean()) {
            finish = FinishReason.CANCELLED;
            return;
        }
        if (phase == Phase.THINKING) {
            applyBudgetChange();
            if (ledger.capReached()) {
                forceAnswer();
            }
        }
        if (feed.hasPending()) {
            if (!feed.pendingFits()) {
                finish = FinishReason.CONTEXT_FULL;
                return;
            }
            logits = feed.feedPending();
        }
        int token = sample();
        if (phase == Phase.THINKING) {
            thinkingToken(token);
        } else {
            answerToken(token);
        }
    }

    private int sample() {
        float[] scores = logits.clone();
        int position = feed.position();
        DecodingState state = ledger.state(phase, position);
        for (LogitsProcessor processor : request.processors()) {
            processor.process(scores, state);
        }
        mask.process(scores, state); // last, so no request processor can re-enable a masked ending token
        return sampler.sample(scores, position);
    }

    // ---- thinking

    private void thinkingToken(int token) {
        if (format.endsThinking(token)) {
            attemptToEnd(token);
            return;
        }
        int position = feed.position();
        feed.append(token);
        String text = detokenizer.accept(token);
        if (matcher == null) {
            ledger.thinkingTokens(1, 0);
            emit(Phase.THINKING, text);
            return;
        }
        DelimiterMatcher.Outcome outcome = matcher.offer(token, position, text);
        if (outcome instanceof DelimiterMatcher.Found found) {
            attemptToEndByText(found);
        } else {
            DelimiterMatcher.Released released = (DelimiterMatcher.Released) outcome;
            ledger.thinkingTokens(released.tokens(), matcher.heldCount());
            emit(Phase.THINKING, released.text());
        }
    }

    /** The model wrote a token that ends thinking by itself; it has not been fed. */
    private void attemptToEnd(int token) {
        if (ledger.mayEndThinking()) {
            releaseHeld();
            if (token == format.end().singleToken()) {
                feed.append(token); // the model's own delimiter: keep it
            } else {
                closeThinking(); // an end-of-turn token would end the whole turn: drop it, close thinking instead
            }
            enterAnswer(feed.position());
        } else if (ledger.extensionFits()) {
            releaseHeld();
            extend();
        } else {
            throw new IllegalStateException("token " + token + " ends thinking, which the mask forbids at "
                    + ledger.state(phase, feed.position()) + "; was it sampled from all-infinite logits?");
        }
    }

    /** The model wrote the end delimiter over several tokens, the last one not yet fed. */
    private void attemptToEndByText(DelimiterMatcher.Found found) {
        ledger.heldDropped();
        if (ledger.mayEndThinking()) {
            // Keep the model's own tokens; they count as delimiter, their text on either side goes to its phase.
            emit(Phase.THINKING, found.before());
            phase = Phase.ANSWER; // same detokenizer: the answer's text runs on from the model's own tokens
            emit(Phase.ANSWER, found.after());
            return;
        }
        int start = found.firstPosition();
        if (ledger.extensionFits()) {
            feed.rollBackTo(start);
            restartDetokenizer();
            extend();
        } else {
            logits = feed.rollBackAndRecompute(start);
            mask.ban(start, found.firstToken());
            restartDetokenizer();
        }
    }

    private void extend() {
        int[] extension = injections.extension();
        feed.append(extension);
        ledger.extended();
        String text = decode(extension);
        deliver(new ControlEvent(ControlKind.WAIT_INJECTED, text, ledger.committedThinking(),
                ledger.extensionsUsed(), ledger.budget()));
        emit(Phase.THINKING, text);
    }

    private void forceAnswer() {
        releaseHeld();
        closeThinking();
        int textFrom = feed.position();
        feed.append(injections.forcedPrefix());
        ledger.injected(injections.forcedPrefix().length);
        ledger.fireCap();
        enterAnswer(textFrom);
        deliver(new ControlEvent(ControlKind.CAP_FORCED, ledger.budget().forcedAnswerPrefix(),
                ledger.committedThinking(), ledger.extensionsUsed(), ledger.budget()));
        emit(Phase.ANSWER, decode(injections.forcedPrefix()));
    }

    /** Feeds the end delimiter and separator on the model's behalf; their text is not streamed. */
    private void closeThinking() {
        feed.append(injections.close());
        ledger.injected(injections.close().length);
    }

    private void releaseHeld() {
        if (matcher != null) {
            DelimiterMatcher.Released released = matcher.releaseAll();
            ledger.thinkingTokens(released.tokens(), 0);
            emit(Phase.THINKING, released.text());
        }
    }

    /**
     * Applies a change handed over through the control. A change waits while anything is held back (or a resumed
     * run is still replaying), so that it always lands at a commit point: the step before settled and committed
     * everything, so the {@link ControlKind#BUDGET_CHANGED} event is itself a commit point that changes only the
     * budget, and a checkpoint taken after it resumes under the new budget.
     */
    private void applyBudgetChange() {
        if (replaying > 0 || !settled()) {
            return;
        }
        request.control().map(BudgetControl::take).ifPresent(change -> {
            if (feed.position() != committedEnd || eventsSinceCommit != 0) {
                throw new IllegalStateException("a budget change must come at a commit point, had "
                        + (feed.position() - committedEnd) + " tokens and " + eventsSinceCommit + " events since");
            }
            ledger.changeBudget(change.applyTo(ledger.budget(), ledger.thinking()));
            deliver(new ControlEvent(ControlKind.BUDGET_CHANGED, "", ledger.committedThinking(),
                    ledger.extensionsUsed(), ledger.budget()));
            eventsSinceCommit = 0;
        });
    }

    /** After a rollback the detokenizer has seen tokens that are gone; replay what is left (rare, so O(n) is fine). */
    private void restartDetokenizer() {
        detokenizer = tokenizer.newDetokenizer();
        detokenizer.skip(feed.tokensBefore(feed.position()));
    }

    // ---- answer

    /**
     * Thinking is over: bytes of a character it left unfinished can no longer complete, so they come out now (as
     * U+FFFD), and the answer's text starts afresh at sequence position {@code textFrom}, after the delimiter.
     */
    private void enterAnswer(int textFrom) {
        emit(Phase.THINKING, detokenizer.flush());
        phase = Phase.ANSWER;
        detokenizer = tokenizer.newDetokenizer();
        answerTextFrom = textFrom;
    }

    private void answerToken(int token) {
        if (format.isEndOfTurn(token)) {
            finish = FinishReason.STOP;
            return;
        }
        feed.append(token);
        ledger.answerToken();
        emit(Phase.ANSWER, detokenizer.accept(token));
        if (ledger.answer() == ledger.budget().maxAnswerTokens()) {
            finish = FinishReason.LENGTH;
        }
    }

    // ---- text and events

    private void endText() {
        if (phase == Phase.THINKING) {
            releaseHeld();
        }
        emit(phase, detokenizer.flush());
        phase = Phase.DONE;
    }

    private String decode(int[] tokens) {
        StringBuilder text = new StringBuilder();
        for (int token : tokens) {
            text.append(detokenizer.accept(token));
        }
        return text.toString();
    }

    private void emit(Phase textPhase, String text) {
        if (!text.isEmpty()) {
            deliver(new TextDelta(textPhase, text, ledger.committedThinking(), ledger.answer()));
        }
    }

    /** Hands an event to the listener, unless it is one that the checkpoint this run resumed from counted. */
    private void deliver(ForcingEvent event) {
        eventsSinceCommit++;
        if (replaying > 0) {
            replaying--;
        } else {
            listener.onEvent(event);
        }
    }

    /** Whether the run's whole state follows from the tokens fed and the ledger, as a checkpoint records them. */
    private boolean settled() {
        return (matcher == null || matcher.heldCount() == 0) && !mask.bansAt(feed.position());
    }

    private void commitIfSettled() {
        if (!settled() || (feed.position() == committedEnd && eventsSinceCommit == 0)) {
            return;
        }
        if (replaying > 0) {
            throw diverged("settled");
        }
        int[] tokens = feed.tokensBetween(committedEnd, feed.position());
        committedEnd = feed.position();
        eventsSinceCommit = 0;
        listener.onEvent(new TokensCommitted(tokens, phase, ledger.committedThinking(), ledger.answer(),
                ledger.injected(), ledger.extensionsUsed(), ledger.capFired(), ledger.budget(),
                answerTextFrom < 0 ? -1 : answerTextFrom - promptEnd));
    }

    private IllegalStateException diverged(String what) {
        return new IllegalStateException("the resumed run " + what + " with " + replaying + " of its checkpoint's"
                + " events still to replay: it took another path than the run that made the checkpoint (resuming"
                + " is exact only with a sampler and processors that are functions of the position, such as"
                + " Sampler.greedy() or Sampler.seeded)");
    }
}
