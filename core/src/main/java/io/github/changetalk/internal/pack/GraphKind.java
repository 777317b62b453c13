package io.github.changetalk.internal.pack;

import java.util.Locale;

/** The dependency graphs a Semgrex pattern can target; only those the loaded rules name are built. */
public enum GraphKind {
    BASIC("basic"), ENHANCED("enhanced"), ENHANCED_PLUS_PLUS("enhanced++");

    private final String id;

    GraphKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Returns null for an unknown name. */
    public static GraphKind fromId(String id) {
        String norm = id.trim().toLowerCase(Locale.ROOT);
        for (GraphKind kind : values()) {
            if (kind.id.equals(norm)) {
                return kind;
            }
        }
        return null;
    }
}
