package io.github.changetalk.cli.io;

import io.github.changetalk.Speaker;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which speaker tags (transcript line prefixes such as {@code Client:}) and speaker-column values mean
 * the client and which the counselor. Matching is case-insensitive and ignores surrounding spaces.
 */
public final class Speakers {
    public static final List<String> DEFAULT_CLIENT = List.of("client", "c", "patient", "pt");
    public static final List<String> DEFAULT_COUNSELOR = List.of("counselor", "counsellor", "therapist", "t",
            "peer", "peer supporter", "peer worker", "coach", "interviewer", "clinician", "provider");

    // A tag is a short run of letters (and spaces, dots, hyphens) before a colon at the start of the line.
    private static final Pattern TAGGED = Pattern.compile("^\\s*([\\p{L}][\\p{L} .'-]{0,29}?)\\s*:(.*)$", Pattern.DOTALL);

    private final Set<String> client;
    private final Set<String> counselor;

    public Speakers(List<String> clientTags, List<String> counselorTags) {
        this.client = normalize(clientTags);
        this.counselor = normalize(counselorTags);
    }

    public static Speakers defaults() {
        return new Speakers(DEFAULT_CLIENT, DEFAULT_COUNSELOR);
    }

    private static Set<String> normalize(List<String> tags) {
        return tags.stream().map(Speakers::key).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    private static String key(String tag) {
        return tag.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** The speaker a tag or column value names, or null when it is not a known one. */
    public Speaker of(String tag) {
        String k = key(tag);
        if (client.contains(k)) {
            return Speaker.CLIENT;
        }
        if (counselor.contains(k)) {
            return Speaker.COUNSELOR;
        }
        return null;
    }

    /** A transcript line split into its speaker and text, or null when it does not start with a known tag. */
    public Tagged parse(String line) {
        Matcher m = TAGGED.matcher(line);
        if (!m.matches()) {
            return null;
        }
        Speaker s = of(m.group(1));
        return s == null ? null : new Tagged(s, m.group(1).strip(), m.group(2).strip());
    }

    public record Tagged(Speaker speaker, String tag, String text) {
    }
}
