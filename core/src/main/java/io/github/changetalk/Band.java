package io.github.changetalk;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The precedence bands of rules, weakest first: a rule's {@code priority:} in a pack. When several rules
 * fire on one sentence, a rule of a higher band decides; inside a band, a rule's {@code overrides} list
 * sets aside the readings it names, and then the longer match, the match ending last and the rule loaded
 * first decide. Each band says what kind of reading its rules make, in MI terms ({@link #meaning});
 * {@link #rank} is the number shown as an evidence's {@code priority}.
 */
public enum Band {
    BACKCHANNEL("backchannel", 10, "No stance of its own: backchannels, greetings, and a bare \"exactly\" or \"no\" that"
            + " takes its meaning from the counselor turn. Any other reading of the sentence decides first."),
    ANSWER("answer", 40, "A short answer whose kind the counselor's question gives (\"Yes.\" to \"Do you want to cut"
            + " down?\"), or a loosely worded reading that any specific rule should beat."),
    GENERAL("general", 45, "A general first-person form (\"I need to / I'll / I could <any verb>\"), a situation"
            + " described, a recent action: change or sustain talk heard from the shape of the sentence."),
    SPECIFIC("specific", 50, "A kind of change or sustain talk anchored on its own words and lexicons. The default."),
    REVERSAL("reversal", 60, "A reading that turns a plainer one round: negated wanting, ability or need (\"I don't want"
            + " to quit\", \"I can't stop\"), the behaviour wanted or kept, a lapse, resolve never to go back."),
    FRAME("frame", 80, "The frame of the sentence decides: a question, someone else's wish or words (neutral), and the"
            + " readings that see through such a frame: a rhetorical question, an ultimatum, asking how to change.");

    private final String id;
    private final int rank;
    private final String meaning;

    Band(String id, int rank, String meaning) {
        this.id = id;
        this.rank = rank;
        this.meaning = meaning;
    }

    /** The name written in packs, e.g. {@code reversal}. */
    @JsonValue
    public String id() {
        return id;
    }

    /** What the band's rules hear, in MI terms, for documentation. */
    public String meaning() {
        return meaning;
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
