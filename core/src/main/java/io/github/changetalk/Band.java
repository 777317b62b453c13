package io.github.changetalk.internal.pack;

import java.util.Locale;

/**
 * The precedence bands of rules, weakest first. When several rules fire on one sentence, a rule of a
 * higher band decides; inside a band, a rule's {@code overrides} list sets aside the readings it names,
 * and then the longer match, the match ending last and the rule loaded first decide (see
 * {@code Resolution}). Each band says what kind of reading its rules make, in MI terms; {@link #rank}
 * is the number shown as an evidence's {@code priority}.
 */
public enum Band {
    /** No stance of its own: backchannels, greetings, a bare "exactly" or "no" that echoes the counselor. */
    BACKCHANNEL("backchannel", 10),
    /** A short answer whose kind the counselor's question gives ("Yes." to "Do you want to cut down?"). */
    ANSWER("answer", 40),
    /** A general first-person form ("I need to / I'll / I could <any verb>") or a situation described. */
    GENERAL("general", 45),
    /** A kind of change or sustain talk anchored on its own words: the default. */
    SPECIFIC("specific", 50),
    /** A reading that turns a plainer one round: negated, reversed, the behaviour wanted or kept, a lapse. */
    REVERSAL("reversal", 60),
    /** The frame of the sentence decides: a question, someone else's wish or words, and what sees through them. */
    FRAME("frame", 80);

    private final String id;
    private final int rank;

    Band(String id, int rank) {
        this.id = id;
        this.rank = rank;
    }

    /** The name written in packs, e.g. {@code reversal}. */
    public String id() {
        return id;
    }

    /** Higher ranks win. */
    public int rank() {
        return rank;
    }

    /** Returns null for an unknown name. */
    public static Band fromId(String id) {
        String norm = id.strip().toLowerCase(Locale.ROOT);
        for (Band b : values()) {
            if (b.id.equals(norm)) {
                return b;
            }
        }
        return null;
    }

    /** The band names, weakest first, for error messages and documentation. */
    public static String names() {
        StringBuilder b = new StringBuilder();
        for (Band band : values()) {
            if (!b.isEmpty()) {
                b.append(", ");
            }
            b.append(band.id);
        }
        return b.toString();
    }
}
