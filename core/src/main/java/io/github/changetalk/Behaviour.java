package io.github.changetalk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a counselor turn does, in the four groups AnnoMI's experts code (so that results compare with
 * theirs): a {@code question}, a {@code reflection}, {@code input} (information, advice, and every
 * righting-reflex act: confronting, directing, warning) or {@code other} (backchannels, pleasantries,
 * affirming, supporting, emphasising autonomy, structuring the session). See {@link MiscCode#behaviour()}.
 */
public enum Behaviour {
    QUESTION, REFLECTION, INPUT, OTHER;

    /** The name as written in packs, output and gold files, e.g. {@code reflection}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@link #id()} (case-insensitive); AnnoMI's {@code therapist_input} is {@link #INPUT}.
     *
     * @throws IllegalArgumentException for anything else, naming the four
     */
    @JsonCreator
    public static Behaviour fromId(String id) {
        String norm = id.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (norm.equals("therapist_input")) {
            return INPUT;
        }
        for (Behaviour b : values()) {
            if (b.id().equals(norm)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown behaviour '" + id + "' (expected question, reflection, input or other)");
    }

    @Override
    public String toString() {
        return id();
    }
}
