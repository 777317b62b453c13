package io.github.changetalk.cli.report;

import io.github.changetalk.Direction;
import io.github.changetalk.Kind;
import io.github.changetalk.Label;
import java.util.Locale;
import java.util.Map;

/**
 * The words and letter codes the report uses for labels and helper codes, after MISC 2.5: a client
 * sentence's code is its kind's letter and its direction ({@code D+} desire toward change, {@code A-}
 * ability against it), the letters being those of DARN-CAT.
 */
public final class Vocabulary {
    private Vocabulary() {
    }

    /** The minus sign of sustain codes (U+2212, which reads better than a hyphen). */
    public static final String MINUS = "\u2212";

    public static String letter(Kind kind) {
        if (kind == null) {
            return "S";
        }
        return switch (kind) {
            case DESIRE -> "D";
            case ABILITY -> "A";
            case REASON -> "R";
            case NEED -> "N";
            case COMMITMENT -> "C";
            case ACTIVATION -> "Ac";
            case TAKING_STEPS -> "TS";
        };
    }

    /** A kind's name for people: "taking steps". */
    public static String name(Kind kind) {
        return kind == null ? "no kind" : kind.id().replace('-', ' ');
    }

    /** {@code D+}, {@code A−}, or "" for neutral. */
    public static String code(Direction direction, Kind kind) {
        return switch (direction) {
            case CHANGE -> letter(kind) + "+";
            case SUSTAIN -> letter(kind) + MINUS;
            case NEUTRAL -> "";
        };
    }

    /** A direction's name for people. */
    public static String name(Direction direction) {
        return switch (direction) {
            case CHANGE -> "change talk";
            case SUSTAIN -> "sustain talk";
            case NEUTRAL -> "neutral";
        };
    }

    /** A label's name for people: "taking steps", "sustain talk". */
    public static String name(Label label) {
        return switch (label) {
            case SUSTAIN -> "sustain talk";
            case NEUTRAL -> "neutral";
            default -> label.id().replace('-', ' ');
        };
    }

    private static final Map<String, String> HELPER = Map.ofEntries(
            Map.entry("OQ", "open question"),
            Map.entry("CQ", "closed question"),
            Map.entry("SR", "simple reflection"),
            Map.entry("CR", "complex reflection"),
            Map.entry("AF", "affirm"),
            Map.entry("EC", "emphasise control"),
            Map.entry("SU", "support"),
            Map.entry("GI", "giving information"),
            Map.entry("ADP", "advise with permission"),
            Map.entry("ADW", "advise without permission"),
            Map.entry("RCP", "raise concern with permission"),
            Map.entry("RCW", "raise concern without permission"),
            Map.entry("CO", "confront"),
            Map.entry("DI", "direct"),
            Map.entry("WA", "warn"),
            Map.entry("FA", "facilitate"),
            Map.entry("FI", "filler"),
            Map.entry("ST", "structure"));

    /** A MISC helper code's name ("complex reflection"), or the code itself when it is not a known one. */
    public static String helperName(String code) {
        if (code == null) {
            return "not coded";
        }
        return HELPER.getOrDefault(code.strip().toUpperCase(Locale.ROOT), code);
    }
}
