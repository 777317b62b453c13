package io.github.changetalk.cli.report;

import io.github.changetalk.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's colours, in one place: the page's stylesheet takes them as CSS custom properties
 * ({@link #cssVariables()}) and the charts as SVG fills, and {@link #contrastPairs()} lists every
 * foreground/background pair the pages use so that a test holds each to WCAG 2.1 AA (4.5:1 for text,
 * 3:1 for graphics against the page). Kinds get distinct, mid-dark hues that carry white letters;
 * colour is never the only cue (every mark also carries its letter code: D+, A-...).
 */
public final class Palette {
    private Palette() {
    }

    public static final String PAGE = "#ffffff";
    public static final String PANEL = "#f6f8fa";
    public static final String INK = "#1f2328";
    public static final String MUTED = "#57606a";
    public static final String RULE_LINE = "#d0d7de";
    public static final String AXIS = "#6e7781";
    public static final String FOCUS = "#0b57d0";
    public static final String ON_DARK = "#ffffff";

    /** Neutral client talk: ticks on the timeline. */
    public static final String NEUTRAL = "#6e7781";
    /** Sustain talk with no kind (a rule that gives none). */
    public static final String SUSTAIN_NO_KIND = "#8f3b2e";

    /** Helper marks: reflections filled, questions outlined, MI-inconsistent red, other grey. */
    public static final String HELPER_REFLECTION = "#2f4b66";
    public static final String HELPER_QUESTION = "#2f4b66";
    public static final String HELPER_INCONSISTENT = "#b42318";
    public static final String HELPER_OTHER = "#57606a";
    public static final String NOT_CODED = "#6e7781";

    /** MITI bands: text on a light background. */
    public static final String BAND_BELOW_INK = "#8a3a00";
    public static final String BAND_BELOW_BG = "#fff1e0";
    public static final String BAND_FAIR_INK = "#1f4f7a";
    public static final String BAND_FAIR_BG = "#e6f0fa";
    public static final String BAND_GOOD_INK = "#1e5e33";
    public static final String BAND_GOOD_BG = "#e3f2e7";

    private static final Map<Kind, String> SOLID = new EnumMap<>(Map.of(
            Kind.DESIRE, "#3465a4",
            Kind.ABILITY, "#6a4fa3",
            Kind.REASON, "#1f7a8c",
            Kind.NEED, "#9c4274",
            Kind.COMMITMENT, "#2e7d32",
            Kind.ACTIVATION, "#806600",
            Kind.TAKING_STEPS, "#b1521f"));

    /** How much of a kind's colour its transcript highlight mixes into the page's white. */
    private static final double TINT = 0.16;

    /** A kind's colour: bars, badges and underlines. */
    public static String solid(Kind kind) {
        return kind == null ? SUSTAIN_NO_KIND : SOLID.get(kind);
    }

    /** A kind's light tint: the background of its sentences in the transcript. */
    public static String tint(Kind kind) {
        return mix(solid(kind), TINT);
    }

    /** Neutral sentences' light background. */
    public static String neutralTint() {
        return mix(NEUTRAL, 0.10);
    }

    /** {@code hex} laid over white at opacity {@code alpha}. */
    static String mix(String hex, double alpha) {
        int[] c = rgb(hex);
        StringBuilder b = new StringBuilder("#");
        for (int x : c) {
            b.append(String.format(Locale.ROOT, "%02x", Math.round(255 - (255 - x) * alpha)));
        }
        return b.toString();
    }

    private static int[] rgb(String hex) {
        int v = Integer.parseInt(hex.substring(1), 16);
        return new int[] {(v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF};
    }

    /** WCAG 2.1 relative luminance. */
    static double luminance(String hex) {
        int[] c = rgb(hex);
        double[] lin = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = c[i] / 255.0;
            lin[i] = s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
    }

    /** WCAG 2.1 contrast ratio of two colours, 1 to 21. */
    public static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** A pair of colours the pages put together, and the contrast it needs. */
    public record Pair(String what, String foreground, String background, double minimum) {
    }

    /** Every pair the pages use: text needs 4.5:1, marks against the page 3:1. */
    public static List<Pair> contrastPairs() {
        List<Pair> p = new ArrayList<>();
        p.add(new Pair("body text", INK, PAGE, 4.5));
        p.add(new Pair("body text on panels", INK, PANEL, 4.5));
        p.add(new Pair("secondary text", MUTED, PAGE, 4.5));
        p.add(new Pair("secondary text on panels", MUTED, PANEL, 4.5));
        p.add(new Pair("axis labels", AXIS, PAGE, 4.5));
        p.add(new Pair("focus ring", FOCUS, PAGE, 3));
        p.add(new Pair("neutral ticks", NEUTRAL, PAGE, 3));
        p.add(new Pair("neutral sentence text", INK, neutralTint(), 4.5));
        for (Kind k : Kind.values()) {
            p.add(new Pair(k.id() + " bars and badges", solid(k), PAGE, 3));
            p.add(new Pair(k.id() + " letters on its bars", ON_DARK, solid(k), 4.5));
            p.add(new Pair(k.id() + " sentence text", INK, tint(k), 4.5));
            p.add(new Pair(k.id() + " underline on its tint", solid(k), tint(k), 3));
        }
        p.add(new Pair("sustain without kind letters", ON_DARK, SUSTAIN_NO_KIND, 4.5));
        p.add(new Pair("sustain without kind text", INK, mix(SUSTAIN_NO_KIND, TINT), 4.5));
        p.add(new Pair("reflection code", ON_DARK, HELPER_REFLECTION, 4.5));
        p.add(new Pair("question code", HELPER_QUESTION, PAGE, 4.5));
        p.add(new Pair("MI-inconsistent code", ON_DARK, HELPER_INCONSISTENT, 4.5));
        p.add(new Pair("other helper code", HELPER_OTHER, PAGE, 4.5));
        p.add(new Pair("not-coded mark", NOT_CODED, PAGE, 3));
        p.add(new Pair("band: below", BAND_BELOW_INK, BAND_BELOW_BG, 4.5));
        p.add(new Pair("band: fair", BAND_FAIR_INK, BAND_FAIR_BG, 4.5));
        p.add(new Pair("band: good", BAND_GOOD_INK, BAND_GOOD_BG, 4.5));
        return p;
    }

    /** The colours as CSS custom properties, for the stylesheet. */
    public static String cssVariables() {
        StringBuilder b = new StringBuilder(":root{");
        var(b, "page", PAGE);
        var(b, "panel", PANEL);
        var(b, "ink", INK);
        var(b, "muted", MUTED);
        var(b, "line", RULE_LINE);
        var(b, "focus", FOCUS);
        var(b, "on-dark", ON_DARK);
        var(b, "neutral", NEUTRAL);
        var(b, "neutral-tint", neutralTint());
        var(b, "k-none", SUSTAIN_NO_KIND);
        var(b, "k-none-tint", mix(SUSTAIN_NO_KIND, TINT));
        for (Kind k : Kind.values()) {
            var(b, "k-" + k.id(), solid(k));
            var(b, "k-" + k.id() + "-tint", tint(k));
        }
        var(b, "h-reflection", HELPER_REFLECTION);
        var(b, "h-question", HELPER_QUESTION);
        var(b, "h-inconsistent", HELPER_INCONSISTENT);
        var(b, "h-other", HELPER_OTHER);
        var(b, "h-none", NOT_CODED);
        var(b, "band-below", BAND_BELOW_INK);
        var(b, "band-below-bg", BAND_BELOW_BG);
        var(b, "band-fair", BAND_FAIR_INK);
        var(b, "band-fair-bg", BAND_FAIR_BG);
        var(b, "band-good", BAND_GOOD_INK);
        var(b, "band-good-bg", BAND_GOOD_BG);
        return b.append('}').toString();
    }

    private static void var(StringBuilder b, String name, String value) {
        b.append("--").append(name).append(':').append(value).append(';');
    }
}
