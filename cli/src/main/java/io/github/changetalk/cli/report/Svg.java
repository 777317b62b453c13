package io.github.changetalk.cli.report;

import java.util.Locale;

/** Small helpers for writing inline SVG: numbers in a fixed locale, shapes with escaped attributes. */
final class Svg {
    private Svg() {
    }

    /** A coordinate with at most one decimal, whatever the default locale. */
    static String n(double v) {
        double r = Math.round(v * 10) / 10.0;
        return r == Math.rint(r) ? Long.toString((long) r) : String.format(Locale.ROOT, "%.1f", r);
    }

    static void rect(StringBuilder b, double x, double y, double w, double h, String attrs) {
        b.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append('"');
        if (!attrs.isEmpty()) {
            b.append(' ').append(attrs);
        }
        b.append("/>");
    }

    /** Text at (x, y); {@code text} is escaped here. */
    static void text(StringBuilder b, double x, double y, String attrs, String text) {
        b.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append('"');
        if (!attrs.isEmpty()) {
            b.append(' ').append(attrs);
        }
        b.append('>').append(Html.escape(text)).append("</text>");
    }

    static void line(StringBuilder b, double x1, double y1, double x2, double y2, String attrs) {
        b.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" ").append(attrs).append("/>");
    }

    static String fill(String colour) {
        return "fill=\"" + colour + "\"";
    }
}
