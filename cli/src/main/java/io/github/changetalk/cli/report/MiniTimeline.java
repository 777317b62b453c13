package io.github.changetalk.cli.report;

import io.github.changetalk.Direction;
import io.github.changetalk.cli.report.SessionView.Sentence;
import io.github.changetalk.cli.report.SessionView.Turn;

/**
 * A session's timeline in miniature for the index: change-talk sentences as filled blocks above the
 * line, sustain-talk sentences as outlined blocks below, in their kinds' colours. Decorative (hidden
 * from assistive technology): the index row beside it gives the same counts as numbers.
 */
final class MiniTimeline {
    private static final double WIDTH = 240;
    private static final double HALF = 15;

    private MiniTimeline() {
    }

    static String render(SessionView s) {
        int n = Math.max(1, s.turns().size());
        int max = 3;
        for (Turn t : s.turns()) {
            max = (int) Math.max(max, Math.max(t.count(Direction.CHANGE), t.count(Direction.SUSTAIN)));
        }
        double unit = HALF / max;
        double slot = WIDTH / n;
        double w = Math.max(1, slot * 0.7);
        StringBuilder b = new StringBuilder(2048);
        b.append("<svg class=\"mini\" viewBox=\"0 0 ").append(Svg.n(WIDTH)).append(' ').append(Svg.n(HALF * 2 + 2))
                .append("\" aria-hidden=\"true\" focusable=\"false\">");
        Svg.line(b, 0, HALF + 1, WIDTH, HALF + 1, "stroke=\"" + Palette.AXIS + "\" stroke-width=\"0.6\"");
        for (int i = 0; i < s.turns().size(); i++) {
            Turn t = s.turns().get(i);
            if (!t.isClient()) {
                continue;
            }
            double x = slot * (i + 0.5) - w / 2;
            int up = 0;
            int down = 0;
            for (Sentence x1 : t.sentences()) {
                String colour = Palette.solid(x1.kind());
                if (x1.direction() == Direction.CHANGE) {
                    up++;
                    Svg.rect(b, x, HALF + 1 - unit * up, w, unit - 0.4, Svg.fill(colour));
                } else if (x1.direction() == Direction.SUSTAIN) {
                    Svg.rect(b, x + 0.3, HALF + 1.3 + unit * down, w - 0.6, unit - 1, "fill=\"" + Palette.PAGE + "\" stroke=\""
                            + colour + "\" stroke-width=\"0.6\"");
                    down++;
                }
            }
        }
        return b.append("</svg>").toString();
    }
}
