package io.github.changetalk.cli.report;

import io.github.changetalk.Direction;
import io.github.changetalk.Kind;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The per-kind profile as inline SVG: one row per DARN-CAT kind, grouped as preparatory (desire,
 * ability, reason, need) and mobilizing (commitment, activation, taking steps) talk, with the kind's
 * change-talk sentences as a filled bar to the right of the centre line and its sustain-talk sentences
 * as an outlined bar to the left, each with its count written beside it.
 */
final class ProfileChart {
    private static final double WIDTH = 460;
    private static final double NAMES = 130;
    private static final double ROW = 22;
    private static final double BAR = 14;

    private ProfileChart() {
    }

    /** Sentence counts by kind, [0] change and [1] sustain. */
    static Map<Kind, long[]> counts(SessionView s) {
        Map<Kind, long[]> c = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            c.put(k, new long[2]);
        }
        for (SessionView.Turn t : s.turns()) {
            if (!t.isClient()) {
                continue;
            }
            for (SessionView.Sentence x : t.sentences()) {
                if (x.kind() != null && x.direction() != Direction.NEUTRAL) {
                    c.get(x.kind())[x.direction() == Direction.CHANGE ? 0 : 1]++;
                }
            }
        }
        return c;
    }

    static String render(SessionView s) {
        Map<Kind, long[]> c = counts(s);
        long max = 1;
        for (long[] v : c.values()) {
            max = Math.max(max, Math.max(v[0], v[1]));
        }
        double centre = NAMES + (WIDTH - NAMES) / 2;
        double half = (WIDTH - NAMES) / 2 - 26;
        double height = 24 + ROW * 9 + 6;
        StringBuilder b = new StringBuilder(4096);
        StringBuilder label = new StringBuilder("Sentences by kind, change talk and sustain talk: ");
        for (Kind k : Kind.values()) {
            long[] v = c.get(k);
            label.append(String.format(Locale.ROOT, "%s %d and %d; ", Vocabulary.name(k), v[0], v[1]));
        }
        b.append("<svg class=\"profile\" viewBox=\"0 0 ").append(Svg.n(WIDTH)).append(' ').append(Svg.n(height))
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(label.toString().strip())).append("\">");
        String muted = Svg.fill(Palette.MUTED);
        Svg.text(b, centre - 6, 12, "text-anchor=\"end\" font-size=\"11\" font-weight=\"600\" " + Svg.fill(Palette.INK),
                Vocabulary.MINUS + " sustain");
        Svg.text(b, centre + 6, 12, "font-size=\"11\" font-weight=\"600\" " + Svg.fill(Palette.INK), "change +");
        double y = 24;
        for (Kind k : Kind.values()) {
            if (k == Kind.DESIRE || k == Kind.COMMITMENT) {
                Svg.text(b, 0, y + ROW - 8, "font-size=\"10\" font-weight=\"600\" letter-spacing=\"0.04em\" " + muted,
                        k == Kind.DESIRE ? "PREPARATORY" : "MOBILIZING");
                y += ROW;
            }
            long[] v = c.get(k);
            String colour = Palette.solid(k);
            double mid = y + ROW / 2;
            Svg.text(b, 10, mid + 4, "font-size=\"12\" " + Svg.fill(Palette.INK), Vocabulary.name(k));
            Svg.text(b, NAMES - 8, mid + 4, "text-anchor=\"end\" font-size=\"11\" font-weight=\"700\" " + Svg.fill(colour),
                    Vocabulary.letter(k));
            double wc = half * v[0] / max;
            double ws = half * v[1] / max;
            if (v[0] > 0) {
                Svg.rect(b, centre, mid - BAR / 2, wc, BAR, "rx=\"2\" " + Svg.fill(colour));
            }
            if (v[1] > 0) {
                Svg.rect(b, centre - ws + 0.75, mid - BAR / 2 + 0.75, ws - 1.5, BAR - 1.5,
                        "rx=\"2\" fill=\"" + Palette.PAGE + "\" stroke=\"" + colour + "\" stroke-width=\"1.5\"");
            }
            Svg.text(b, centre + wc + 5, mid + 4, "font-size=\"11\" " + Svg.fill(v[0] > 0 ? Palette.INK : Palette.MUTED), Long.toString(v[0]));
            Svg.text(b, centre - ws - 5, mid + 4, "text-anchor=\"end\" font-size=\"11\" " + Svg.fill(v[1] > 0 ? Palette.INK : Palette.MUTED),
                    Long.toString(v[1]));
            y += ROW;
        }
        Svg.line(b, centre, 18, centre, y, "stroke=\"" + Palette.AXIS + "\" stroke-width=\"1\"");
        return b.append("</svg>").toString();
    }

    /** A bar of the change-talk share: the change part filled, the sustain part outlined. */
    static String shareBar(double share, String accessibleLabel) {
        double w = 220;
        double h = 12;
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"share\" viewBox=\"0 0 ").append(Svg.n(w)).append(' ').append(Svg.n(h + 2))
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(accessibleLabel)).append("\">");
        Svg.rect(b, 0.75, 1.75, w - 1.5, h - 1.5, "rx=\"3\" fill=\"" + Palette.PAGE + "\" stroke=\"" + Palette.AXIS + "\" stroke-width=\"1.5\"");
        if (!Double.isNaN(share) && share > 0) {
            Svg.rect(b, 0, 1, w * share, h, "rx=\"3\" " + Svg.fill(Palette.HELPER_REFLECTION));
        }
        return b.append("</svg>").toString();
    }
}
