package io.github.changetalk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The DARN-CAT kind of change or sustain talk. Sustain talk keeps its kind: "I can't quit" is sustain, kind ability. */
public enum Kind {
    DESIRE, ABILITY, REASON, NEED, COMMITMENT, ACTIVATION, TAKING_STEPS;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static Kind fromId(String id) {
        return label(Label.fromId(id));
    }

    /** The change-talk label of this kind. */
    public Label label() {
        return Label.valueOf(name());
    }

    private static Kind label(Label label) {
        if (label == Label.SUSTAIN || label == Label.NEUTRAL) {
            throw new IllegalArgumentException("'" + label.id() + "' is not a DARN-CAT kind");
        }
        return valueOf(label.name());
    }

    @Override
    public String toString() {
        return id();
    }
}
