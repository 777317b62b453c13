package io.github.changetalk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether talk argues for the change, for the status quo, or for neither. */
public enum Direction {
    CHANGE, SUSTAIN, NEUTRAL;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Direction fromId(String id) {
        try {
            return valueOf(id.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown direction '" + id + "' (expected change, sustain or neutral)");
        }
    }

    @Override
    public String toString() {
        return id();
    }
}
