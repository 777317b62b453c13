package io.github.changetalk.spark;

import io.github.changetalk.Speaker;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which speaker-column values mean the client and which the counselor: the command line's defaults and
 * options ({@code --client-tags}, {@code --counselor-tags}), matched case-insensitively, surrounding
 * spaces and repeated inner spaces ignored.
 */
record SpeakerTags(Set<String> client, Set<String> counselor) implements Serializable {
    static final List<String> DEFAULT_CLIENT = List.of("client", "c", "patient", "pt");
    static final List<String> DEFAULT_COUNSELOR = List.of("counselor", "counsellor", "therapist", "t",
            "peer", "peer supporter", "peer worker", "coach", "interviewer", "clinician", "provider");

    static SpeakerTags of(List<String> clientTags, List<String> counselorTags) {
        return new SpeakerTags(normalize(clientTags), normalize(counselorTags));
    }

    private static Set<String> normalize(List<String> tags) {
        return tags.stream().map(SpeakerTags::key).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    private static String key(String tag) {
        return tag.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** The speaker a column value names: client for a missing or blank value, null for an unknown one. */
    Speaker of(String value) {
        if (value == null || value.isBlank()) {
            return Speaker.CLIENT;
        }
        String k = key(value);
        return client.contains(k) ? Speaker.CLIENT : counselor.contains(k) ? Speaker.COUNSELOR : null;
    }
}
