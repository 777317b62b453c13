package io.github.changetalk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The MISC 2.5 code of a counselor sentence or turn, with the {@link Behaviour} group it belongs to and
 * whether MI counts it as adherent or as the righting reflex (MI-inconsistent). The codes are the ones
 * counselor packs write ({@code code: OQ}).
 *
 * <p>Advice and raising a concern come in two forms: with permission ({@link #ADP}, {@link #RCP}: the
 * counselor asked, or the client asked for it) and without ({@link #ADW}, {@link #RCW}). A pack writes
 * the form its words show; a sentence coded {@code ADW} or {@code RCW} becomes {@code ADP} or {@code RCP}
 * when the turn's context gives permission (see {@link CounselorCoding#permission()}).
 */
public enum MiscCode {
    /** Open question: invites the client to elaborate ("What would be different?"). */
    OQ(Behaviour.QUESTION, Stance.ADHERENT, "open question"),
    /** Closed question: can be answered yes or no, or with a specific fact ("How many a day?"). */
    CQ(Behaviour.QUESTION, Stance.NEUTRAL, "closed question"),
    /** Simple reflection: repeats or rephrases what the client said. */
    SR(Behaviour.REFLECTION, Stance.ADHERENT, "simple reflection"),
    /** Complex reflection: adds meaning, feeling, the unsaid, or both sides of ambivalence; summaries. */
    CR(Behaviour.REFLECTION, Stance.ADHERENT, "complex reflection"),
    /** Affirm: genuine appreciation of the client's strengths or efforts. */
    AF(Behaviour.OTHER, Stance.ADHERENT, "affirm"),
    /** Emphasise autonomy or control: the choice is the client's. */
    EC(Behaviour.OTHER, Stance.ADHERENT, "emphasise autonomy"),
    /** Support: compassion, siding with the client. */
    SU(Behaviour.OTHER, Stance.ADHERENT, "support"),
    /** Giving information: facts, feedback, explanation. */
    GI(Behaviour.INPUT, Stance.NEUTRAL, "giving information"),
    /** Advise with permission. */
    ADP(Behaviour.INPUT, Stance.ADHERENT, "advise with permission"),
    /** Advise without permission. */
    ADW(Behaviour.INPUT, Stance.INCONSISTENT, "advise without permission"),
    /** Raise a concern with permission. */
    RCP(Behaviour.INPUT, Stance.ADHERENT, "raise concern with permission"),
    /** Raise a concern without permission. */
    RCW(Behaviour.INPUT, Stance.INCONSISTENT, "raise concern without permission"),
    /** Confront: disagree, argue, correct, shame, moralise, question honesty. */
    CO(Behaviour.INPUT, Stance.INCONSISTENT, "confront"),
    /** Direct: orders, commands, imperatives. */
    DI(Behaviour.INPUT, Stance.INCONSISTENT, "direct"),
    /** Warn: a threat of consequences. */
    WA(Behaviour.INPUT, Stance.INCONSISTENT, "warn"),
    /** Facilitate: "mm-hmm", "I see": keeps the client talking. */
    FA(Behaviour.OTHER, Stance.NEUTRAL, "facilitate"),
    /** Filler: pleasantries, greetings, goodbyes. */
    FI(Behaviour.OTHER, Stance.NEUTRAL, "filler"),
    /** Structure: what happens in the session, moving between topics. */
    ST(Behaviour.OTHER, Stance.NEUTRAL, "structure");

    /** How MI (MISC 2.5, MITI 4.2) counts a code. */
    private enum Stance { ADHERENT, NEUTRAL, INCONSISTENT }

    private final Behaviour behaviour;
    private final Stance stance;
    private final String description;

    MiscCode(Behaviour behaviour, Stance stance, String description) {
        this.behaviour = behaviour;
        this.stance = stance;
        this.description = description;
    }

    /** The group the code belongs to ({@code ST} is {@code other}, as are FA, FI, AF, EC and SU). */
    public Behaviour behaviour() {
        return behaviour;
    }

    /** The righting reflex: ADW, RCW, CO, DI and WA. */
    public boolean miInconsistent() {
        return stance == Stance.INCONSISTENT;
    }

    /** The MI-adherent codes of the session scores: AF, EC, SU, ADP, RCP, OQ, SR and CR. */
    public boolean miAdherent() {
        return stance == Stance.ADHERENT;
    }

    /** The code's name in words, e.g. "complex reflection". */
    public String description() {
        return description;
    }

    /** The code as written, e.g. {@code CR}. */
    @JsonValue
    public String id() {
        return name();
    }

    /**
     * Parses a code (case-insensitive).
     *
     * @throws IllegalArgumentException for an unknown code, naming the known ones
     */
    @JsonCreator
    public static MiscCode fromId(String id) {
        try {
            return valueOf(id.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown MISC code '" + id + "' (expected one of " + names() + ")");
        }
    }

    /** The codes, in order, for messages. */
    public static String names() {
        StringBuilder b = new StringBuilder();
        for (MiscCode c : values()) {
            b.append(b.isEmpty() ? "" : " ").append(c.name());
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return id();
    }
}
