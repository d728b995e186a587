package io.reasoner.engine.budget;

import io.reasoner.engine.model.Sequence;
import io.reasoner.engine.sampling.Sampler;
import io.reasoner.engine.tokenizer.StreamingDetokenizer;
import io.reasoner.engine.tokenizer.Tokenizer;

/**
 * One forced generation: the THINKING → ANSWER → DONE state machine over one sequence. Each step checks for
 * cancellation, applies a pending budget change, fires the cap if reached, feeds what is pending, samples one token
 * and lets the phase decide what it means. Single use, confined to the decoding thread.
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
        feed.append(request.promptTokens());
        feed.append(format.opening().tokens());
        detokenizer.skip(feed.tokensBefore(feed.position()));
        int promptTokens = feed.position();
        while (finish == null) {
            step();
        }
        endText();
        return new ForcingResult(finish, promptTokens, ledger.committedThinking(), ledger.answer(),
                ledger.injected(), ledger.extensionsUsed(), ledger.capFired(), ledger.budget());
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
        DecodingState state = ledger.state(phase, feed.position());
        for (LogitsProcessor processor : request.processors()) {
            processor.process(scores, state);
        }
        mask.process(scores, state); // last, so no request processor can re-enable a masked ending token
        return sampler.sample(scores);
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
            enterAnswer();
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
        listener.onEvent(new ControlEvent(ControlKind.WAIT_INJECTED, text, ledger.committedThinking(),
                ledger.extensionsUsed(), ledger.budget()));
        emit(Phase.THINKING, text);
    }

    private void forceAnswer() {
        releaseHeld();
        closeThinking();
        feed.append(injections.forcedPrefix());
        ledger.injected(injections.forcedPrefix().length);
        ledger.fireCap();
        enterAnswer();
        listener.onEvent(new ControlEvent(ControlKind.CAP_FORCED, ledger.budget().forcedAnswerPrefix(),
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

    private void applyBudgetChange() {
        request.control().map(BudgetControl::take).ifPresent(change -> {
            ledger.changeBudget(change.applyTo(ledger.budget(), ledger.thinking()));
            listener.onEvent(new ControlEvent(ControlKind.BUDGET_CHANGED, "", ledger.committedThinking(),
                    ledger.extensionsUsed(), ledger.budget()));
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
     * U+FFFD), and the answer's text starts afresh after the delimiter.
     */
    private void enterAnswer() {
        emit(Phase.THINKING, detokenizer.flush());
        phase = Phase.ANSWER;
        detokenizer = tokenizer.newDetokenizer();
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

    // ---- text

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
            listener.onEvent(new TextDelta(textPhase, text, ledger.committedThinking(), ledger.answer()));
        }
    }
}
