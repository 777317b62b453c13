package io.github.changetalk.internal.engine;

import io.github.changetalk.Direction;
import io.github.changetalk.internal.pack.AfterSpec;
import java.util.ArrayList;
import java.util.List;


/** An {@code after:} condition written back as a pack would write it: {@code {function: ruler, dimension: confidence}}. */
final class AfterText {
    private AfterText() {
    }

    static String of(AfterSpec a) {
        List<String> parts = new ArrayList<>();
        add(parts, "behaviour", a.behaviour());
        add(parts, "code", a.code());
        add(parts, "question", a.question());
        add(parts, "function", a.function());
        add(parts, "asks", a.asks());
        add(parts, "dimension", a.dimension());
        add(parts, "reflected", a.reflected().stream().map(d -> d == Direction.NEUTRAL ? "none" : d.id()).toList());
        return "{" + String.join(", ", parts) + "}";
    }

    private static void add(List<String> parts, String key, java.util.Collection<?> values) {
        if (values.isEmpty()) {
            return;
        }
        List<String> written = values.stream().map(Object::toString).sorted().toList();
        parts.add(key + ": " + (written.size() == 1 ? written.get(0) : "[" + String.join(", ", written) + "]"));
    }

}
