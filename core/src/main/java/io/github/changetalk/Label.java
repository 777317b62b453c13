package io.github.changetalk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The label of a sentence or utterance: one of the seven DARN-CAT kinds of change talk,
 * {@code sustain} for talk that argues for the status quo (whatever its kind), or {@code neutral}.
 */
public enum Label {
    DESIRE, ABILITY, REASON, NEED, COMMITMENT, ACTIVATION, TAKING_STEPS, SUSTAIN, NEUTRAL;

    /** The label as written in rule packs, output and gold files, e.g. {@code taking-steps}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@link #id()} (case-insensitive; {@code taking_steps} is accepted too). */
    @JsonCreator
    public static Label fromId(String id) {
        String norm = id.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        try {
            return valueOf(norm);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown label '" + id + "' (expected one of "
                    + "desire, ability, reason, need, commitment, activation, taking-steps, sustain, neutral)");
        }
    }

    /** The label a match of this kind and direction gives. */
    public static Label of(Direction direction, Kind kind) {
        return switch (direction) {
            case NEUTRAL -> NEUTRAL;
            case SUSTAIN -> SUSTAIN;
            case CHANGE -> kind.label();
        };
    }

    /** Change, sustain or neutral: the three-way view that corpora coded change/sustain/neutral use. */
    public Direction direction() {
        return switch (this) {
            case SUSTAIN -> Direction.SUSTAIN;
            case NEUTRAL -> Direction.NEUTRAL;
            default -> Direction.CHANGE;
        };
    }

    @Override
    public String toString() {
        return id();
    }
}
