package io.reasoner.engine.budget;

/**
 * What a {@link ForcingListener} hears, in generation order: {@link TextDelta}s as text is decoded, and
 * {@link ControlEvent}s where the forcer intervened. Concatenating the deltas of a phase gives that phase's text.
 */
public sealed interface ForcingEvent permits TextDelta, ControlEvent {
}
