package io.github.changetalk.cli.report;

import io.github.changetalk.Direction;
import io.github.changetalk.cli.report.SessionView.Sentence;
import io.github.changetalk.cli.report.SessionView.Turn;
import java.util.List;
import java.util.Locale;

/**
 * The session timeline as inline SVG: one column per turn, left to right. A client turn's change-talk
 * sentences stack above the line as filled blocks and its sustain-talk sentences hang below it as
 * outlined blocks, each in its kind's colour with its letter (D, A, R, N, C, Ac, TS); a neutral client
 * turn is a grey tick on the line. A counselor turn sits on the line as its helper code (filled for a
 * reflection, outlined for a question, red with "!" when MI-inconsistent) or as a small grey dot when
 * not coded. Every column links to its turn in the transcript, is reachable by keyboard, and names its
 * content in a title. Drawn by hand rather than with a chart library: it is a few dozen rectangles, and
 * the page must carry no script.
 */
final class TimelineChart {
    private static final double WIDTH = 960;
    private static final double LEFT = 104;
    private static final double RIGHT = 10;
    private static final double TOP = 10;
    private static final double MARK_H = 14;

    private TimelineChart() {
    }

    /** The full chart; {@code prefix} makes the turn anchors unique on a page with several sessions. */
    static String render(SessionView s, String prefix) {
        List<Turn> turns = s.turns();
        int n = Math.max(1, turns.size());
        int maxUp = 3;
        int maxDown = 2;
        for (Turn t : turns) {
            maxUp = Math.max(maxUp, (int) t.count(Direction.CHANGE));
            maxDown = Math.max(maxDown, (int) t.count(Direction.SUSTAIN));
        }
        double unit = Math.max(6, Math.min(21, 110.0 / Math.max(maxUp, maxDown)));
        double slot = (WIDTH - LEFT - RIGHT) / n;
        double base = TOP + unit * maxUp + MARK_H / 2 + 2;
        double bottom = base + MARK_H / 2 + 2 + unit * maxDown;
        double height = bottom + 26;
        double barW = Math.min(slot * 0.72, 26);

        StringBuilder b = new StringBuilder(8192);
        long ct = turns.stream().filter(Turn::isClient).filter(t -> t.count(Direction.CHANGE) > 0).count();
        long st = turns.stream().filter(Turn::isClient).filter(t -> t.count(Direction.SUSTAIN) > 0).count();
        b.append("<svg class=\"timeline\" viewBox=\"0 0 ").append(Svg.n(WIDTH)).append(' ').append(Svg.n(height))
                .append("\" role=\"group\" aria-label=\"")
                .append(Html.escape(String.format(Locale.ROOT, "Timeline of %d turns: change talk in %d and sustain talk in %d of %d client turns",
                        turns.size(), ct, st, s.clientTurns())))
                .append("\" font-family=\"inherit\">");
        axes(b, maxUp, maxDown, unit, base, slot, turns.size(), bottom);
        for (int i = 0; i < turns.size(); i++) {
            Turn t = turns.get(i);
            double cx = LEFT + slot * (i + 0.5);
            b.append("<a href=\"#").append(Html.escape(prefix)).append('t').append(t.number()).append("\" aria-label=\"")
                    .append(Html.escape(describe(t))).append("\"><title>").append(Html.escape(describe(t) + excerpt(t)))
                    .append("</title>");
            Svg.rect(b, cx - slot / 2, TOP - 6, slot, bottom - TOP + 10, "class=\"hit\"");
            if (t.isClient()) {
                client(b, t, cx, base, unit, barW);
            } else if (t.isCounselor()) {
                counselor(b, t, cx, base, slot);
            } else {
                Svg.text(b, cx, base + 4, "class=\"err\" text-anchor=\"middle\" font-size=\"11\" " + Svg.fill(Palette.MUTED), "?");
            }
            b.append("</a>");
        }
        return b.append("</svg>").toString();
    }

    private static void axes(StringBuilder b, int maxUp, int maxDown, double unit, double base, double slot, int n,
                             double bottom) {
        String axis = Svg.fill(Palette.AXIS);
        // Faint guides at each sentence level, so that heights can be read as counts.
        for (int k = 1; k <= maxUp; k++) {
            double y = base - MARK_H / 2 - 2 - unit * k;
            Svg.line(b, LEFT, y, WIDTH - RIGHT, y, "stroke=\"" + Palette.RULE_LINE + "\" stroke-width=\"0.6\" stroke-dasharray=\"2 3\"");
            if (maxUp <= 6 || k % 2 == 0) {
                Svg.text(b, LEFT - 6, y + 3.5, "text-anchor=\"end\" font-size=\"9.5\" " + axis, Integer.toString(k));
            }
        }
        for (int k = 1; k <= maxDown; k++) {
            double y = base + MARK_H / 2 + 2 + unit * k;
            Svg.line(b, LEFT, y, WIDTH - RIGHT, y, "stroke=\"" + Palette.RULE_LINE + "\" stroke-width=\"0.6\" stroke-dasharray=\"2 3\"");
            if (maxDown <= 6 || k % 2 == 0) {
                Svg.text(b, LEFT - 6, y + 3.5, "text-anchor=\"end\" font-size=\"9.5\" " + axis, Integer.toString(k));
            }
        }
        Svg.line(b, LEFT, base, WIDTH - RIGHT, base, "stroke=\"" + Palette.AXIS + "\" stroke-width=\"1\"");
        double upMid = (TOP + base - MARK_H / 2) / 2;
        double downMid = (base + MARK_H / 2 + bottom) / 2;
        Svg.text(b, 0, upMid, "font-size=\"11.5\" font-weight=\"650\" " + Svg.fill(Palette.INK), "Change talk +");
        Svg.text(b, 0, upMid + 13, "font-size=\"9.5\" " + axis, "sentences");
        Svg.text(b, 0, downMid, "font-size=\"11.5\" font-weight=\"650\" " + Svg.fill(Palette.INK), "Sustain talk " + Vocabulary.MINUS);
        Svg.text(b, 0, downMid + 13, "font-size=\"9.5\" " + axis, "sentences");
        Svg.text(b, 0, bottom + 16, "font-size=\"9.5\" " + axis, "turn");
        int step = 1;
        for (int s : new int[] {1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000}) {
            step = s;
            if (slot * s >= 26) {
                break;
            }
        }
        for (int t = 1; t <= n; t++) {
            if (t % step == 0 || (t == 1 && step >= 5)) {
                Svg.text(b, LEFT + slot * (t - 0.5), bottom + 16, "text-anchor=\"middle\" font-size=\"10\" " + axis, Integer.toString(t));
            }
        }
    }

    private static void client(StringBuilder b, Turn t, double cx, double base, double unit, double barW) {
        if (t.count(Direction.CHANGE) + t.count(Direction.SUSTAIN) == 0) {
            Svg.rect(b, cx - 1.25, base - 5, 2.5, 10, Svg.fill(Palette.NEUTRAL) + " class=\"neutral\"");
            return;
        }
        int up = 0;
        int down = 0;
        boolean letters = unit >= 11 && barW >= 11;
        for (Sentence s : t.sentences()) {
            if (s.direction() == Direction.NEUTRAL) {
                continue;
            }
            String colour = Palette.solid(s.kind());
            boolean change = s.direction() == Direction.CHANGE;
            double h = unit - 1.5;
            double y = change ? base - MARK_H / 2 - 2 - unit * (up + 1) + 1.5 : base + MARK_H / 2 + 2 + unit * down;
            if (change) {
                up++;
                Svg.rect(b, cx - barW / 2, y, barW, h, "rx=\"2\" " + Svg.fill(colour));
            } else {
                down++;
                Svg.rect(b, cx - barW / 2 + 0.75, y + 0.75, barW - 1.5, h - 1.5,
                        "rx=\"2\" fill=\"" + Palette.PAGE + "\" stroke=\"" + colour + "\" stroke-width=\"1.5\"");
            }
            if (letters) {
                String letter = Vocabulary.letter(s.kind());
                double size = Math.min(10, unit * 0.62);
                Svg.text(b, cx, y + h / 2 + size * 0.36, "text-anchor=\"middle\" font-size=\"" + Svg.n(size)
                        + "\" font-weight=\"700\" " + Svg.fill(change ? Palette.ON_DARK : colour), letter);
            }
        }
    }

    private static void counselor(StringBuilder b, Turn t, double cx, double base, double slot) {
        SessionView.HelperCode h = t.helper();
        if (h == null || h.code() == null) {
            b.append("<circle cx=\"").append(Svg.n(cx)).append("\" cy=\"").append(Svg.n(base))
                    .append("\" r=\"2.6\" ").append(Svg.fill(Palette.NOT_CODED)).append(" class=\"uncoded\"/>");
            return;
        }
        String code = h.code().strip().toUpperCase(Locale.ROOT);
        String label = (h.miInconsistent() ? "!" : "") + code;
        double w = Math.min(slot - 2, 7 + 6.2 * label.length());
        String style = HelperStyle.of(h);
        String fill = switch (style) {
            case "reflection" -> Palette.HELPER_REFLECTION;
            case "inconsistent" -> Palette.HELPER_INCONSISTENT;
            default -> Palette.PAGE;
        };
        String stroke = switch (style) {
            case "reflection" -> Palette.HELPER_REFLECTION;
            case "inconsistent" -> Palette.HELPER_INCONSISTENT;
            case "question" -> Palette.HELPER_QUESTION;
            default -> Palette.HELPER_OTHER;
        };
        String ink = fill.equals(Palette.PAGE) ? stroke : Palette.ON_DARK;
        Svg.rect(b, cx - w / 2, base - MARK_H / 2, w, MARK_H, "rx=\"7\" " + Svg.fill(fill) + " stroke=\"" + stroke
                + "\" stroke-width=\"1.3\" class=\"helper " + style + "\"");
        if (w >= 6.2 * label.length() + 2) {
            Svg.text(b, cx, base + 3.3, "text-anchor=\"middle\" font-size=\"9\" font-weight=\"700\" " + Svg.fill(ink), label);
        }
    }

    /** What a column shows, in words: its title and accessible name. */
    static String describe(Turn t) {
        StringBuilder d = new StringBuilder("Turn ").append(t.number());
        if (t.isClient()) {
            d.append(", client: ");
            StringBuilder codes = new StringBuilder();
            for (Sentence s : t.sentences()) {
                if (s.direction() != Direction.NEUTRAL) {
                    codes.append(codes.length() == 0 ? "" : ", ").append(Vocabulary.name(s.kind())).append(' ')
                            .append(Vocabulary.name(s.direction())).append(" (").append(Vocabulary.code(s.direction(), s.kind())).append(')');
                }
            }
            d.append(codes.length() == 0 ? "neutral" : codes);
        } else if (t.isCounselor()) {
            d.append(", counselor: ");
            SessionView.HelperCode h = t.helper();
            if (h == null || h.code() == null) {
                d.append("not coded");
            } else {
                d.append(h.code().strip()).append(' ').append(Vocabulary.helperName(h.code()));
                if (h.miInconsistent()) {
                    d.append(", MI-inconsistent");
                }
            }
        } else {
            d.append(": could not be read");
        }
        return d.toString();
    }

    private static String excerpt(Turn t) {
        if (t.text() == null || t.text().isBlank()) {
            return "";
        }
        String s = t.text().strip();
        int max = 140;
        if (s.codePointCount(0, s.length()) > max) {
            s = s.substring(0, s.offsetByCodePoints(0, max - 1)) + "\u2026";
        }
        return "\n\u201c" + s + "\u201d";
    }
}
