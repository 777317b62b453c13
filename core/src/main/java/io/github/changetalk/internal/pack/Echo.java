package io.github.changetalk.internal.pack;

import java.util.Locale;

/**
 * What a short answer does with the counselor turn before it. In MI, agreeing with a counselor's
 * reflection or question about change is itself change talk ("You'd like to be there for your kids."
 * "Yeah."), and refusing a question about change is sustain talk ("Are you going to call?" "No.").
 */
public enum Echo {
    /** The answer agrees: it takes the label of the counselor turn read in the client's voice. */
    AFFIRM,
    /** The answer refuses: change talk in the counselor turn becomes sustain talk of the same kind. */
    DENY;

    /** Returns null for an unknown name. */
    public static Echo fromId(String id) {
        return switch (id.strip().toLowerCase(Locale.ROOT)) {
            case "affirm" -> AFFIRM;
            case "deny" -> DENY;
            default -> null;
        };
    }
}
