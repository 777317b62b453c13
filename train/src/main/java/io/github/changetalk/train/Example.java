package io.github.changetalk.train;

import java.util.Objects;
import java.util.Set;

/**
 * One labelled example: the features present (rule ids and context features), its gold class, and the
 * group it belongs to (a session), which cross-validation never splits.
 */
public record Example(Set<String> features, String label, String group) {
    public Example {
        features = Set.copyOf(features);
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(group, "group");
    }
}
