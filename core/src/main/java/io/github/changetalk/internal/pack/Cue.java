package io.github.changetalk.internal.pack;

import java.util.Locale;

/**
 * A named signal a counselor rule gives the counselor coder, besides (or instead of) a code: what the
 * coder reads from it is fixed and documented (docs/rule-language.md, Counselor packs).
 */
public enum Cue {
    /** The reflection adds meaning (a feeling not named, a guess, values, a metaphor): a sign of a complex reflection. */
    COMPLEX,
    /**
     * The sentence says the client's meaning back whatever code decides it (a statement said with a rising
     * voice is coded a question): the turn's simple or complex describes it too.
     */
    REFLECTIVE,
    /** The counselor asks permission or leaves the choice to the client: advice and concerns after it in the turn are with permission. */
    PERMISSION,
    /** Matched on the client turn before the counselor turn: the client asks for ideas or the counselor's view. */
    CLIENT_ASKS,
    /** Matched on the client turn before the counselor turn: the client declines what the counselor offered. */
    CLIENT_DECLINES;

    /** As written in packs, e.g. {@code client-asks}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** True for the cues matched on the client turn before rather than on the counselor turn itself. */
    public boolean readsClientTurn() {
        return this == CLIENT_ASKS || this == CLIENT_DECLINES;
    }

    /** Returns null for an unknown name. */
    public static Cue fromId(String id) {
        String norm = id.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Cue c : values()) {
            if (c.name().equals(norm)) {
                return c;
            }
        }
        return null;
    }

    /** The names, for messages. */
    public static String names() {
        StringBuilder b = new StringBuilder();
        for (Cue c : values()) {
            b.append(b.isEmpty() ? "" : ", ").append(c.id());
        }
        return b.toString();
    }
}
