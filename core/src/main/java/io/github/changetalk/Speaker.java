package io.github.changetalk;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who said a turn. Only client turns are labelled; counselor turns are context. */
public enum Speaker {
    CLIENT, COUNSELOR;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id();
    }
}
