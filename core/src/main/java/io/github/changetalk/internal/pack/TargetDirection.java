package io.github.changetalk.internal.pack;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which way change goes for a target behaviour, as a target pack declares it ({@code direction:}) and
 * a rule restricts itself to ({@code targets:}). MI codes talk against the target: "cutting back" is
 * change talk when the target is drinking and sustain talk when it is exercise; liking the activity is
 * sustain talk when the activity is the behaviour and change talk when it is the change.
 */
public enum TargetDirection {
    /** Change means less of a behaviour: drinking, smoking, drugs, gambling, offending, self-harm. */
    LESS,
    /** Change means more of a behaviour: exercise, taking medication, keeping to treatment, eating well. */
    MORE,
    /** The topic names no behaviour (values, life in general, a session whose target is unclear). */
    NONE;

    /** What a selection whose targets declare no direction stands for: some behaviour, either way. */
    public static final Set<TargetDirection> UNKNOWN = Set.copyOf(EnumSet.of(LESS, MORE));

    /** The name written in packs: less, more or none. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns null for an unknown name. */
    public static TargetDirection fromId(String id) {
        return switch (id.strip().toLowerCase(Locale.ROOT)) {
            case "less" -> LESS;
            case "more" -> MORE;
            case "none" -> NONE;
            default -> null;
        };
    }
}
