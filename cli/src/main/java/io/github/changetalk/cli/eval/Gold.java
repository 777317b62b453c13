package io.github.changetalk.cli.eval;

import io.github.changetalk.Kind;
import io.github.changetalk.Label;
import io.github.changetalk.cli.CliException;
import io.github.changetalk.cli.io.InputRecord;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Gold values in a coded file, read alike by {@code eval}, {@code rules stats} and {@code train}: a column's
 * value normalised (lower case, {@code _} and spaces as {@code -}; blank is no value), the nine labels or
 * the three directions, and a label's direction.
 */
public final class Gold {
    /** The nine labels, by id. */
    public static final List<String> NINE = Arrays.stream(Label.values()).map(Label::id).toList();
    /** The three directions. */
    public static final List<String> THREE = List.of("change", "sustain", "neutral");

    private Gold() {
    }

    /** The record's value in {@code column}, normalised; null when the column is absent or blank. */
    public static String value(InputRecord r, String column) {
        Object v = r.fields().get(column);
        if (v == null) {
            return null;
        }
        String s = v instanceof com.fasterxml.jackson.databind.JsonNode n ? (n.isNull() ? "" : n.asText()) : v.toString();
        s = s.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        return s.isEmpty() ? null : s;
    }

    /** Whether a gold value is one of the nine labels or one of the three directions. */
    public static boolean valid(String label) {
        return NINE.contains(label) || THREE.contains(label);
    }

    /** The error for a gold value that is not {@link #valid}, naming the record and the column. */
    public static CliException invalid(InputRecord r, String label, String column) {
        return new CliException(CliException.FAILED, r.where() + ": unknown gold label '" + label
                + "' in column " + column + " (expected one of the nine labels, or change/sustain/neutral)");
    }

    /** The direction (change, sustain or neutral) of a valid gold value. */
    public static String direction(String label) {
        return THREE.contains(label) ? label : Label.fromId(label).direction().id();
    }

    /**
     * The gold kind of a turn: the kind column's value when it names a kind, else the label's kind when the
     * label is a change-talk kind; null when the gold has no kind for it.
     */
    public static Kind kind(String label, String kindValue) {
        Kind k = kindOf(kindValue);
        if (k != null) {
            return k;
        }
        return label != null && NINE.contains(label) ? kindOf(label) : null;
    }

    private static Kind kindOf(String value) {
        if (value == null) {
            return null;
        }
        for (Kind k : Kind.values()) {
            if (k.id().equals(value)) {
                return k;
            }
        }
        return null;
    }
}
