package io.github.changetalk.cli.report;

import io.github.changetalk.Classifier;
import io.github.changetalk.RuleInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What the report command and {@code classify --format html} share: rule descriptions, redaction, file names. */
public final class Reports {
    private static final int MAX_NAME = 80;

    private Reports() {
    }

    /** Rule id to description, for the tooltips. */
    public static Map<String, String> ruleDescriptions(Classifier classifier) {
        Map<String, String> d = new HashMap<>();
        for (RuleInfo r : classifier.rules()) {
            if (r.description() != null) {
                d.put(r.id(), r.description());
            }
        }
        return d;
    }

    /** The sessions as the pages show them: redacted (named Session 1, 2, ...) when asked. */
    public static List<SessionView> prepare(List<SessionView> sessions, boolean redact) {
        if (!redact) {
            return sessions;
        }
        List<SessionView> out = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            out.add(Redaction.redact(sessions.get(i), i + 1));
        }
        return out;
    }

    /**
     * A file name (without extension) for each session: its name with characters other than letters,
     * digits, '.', '_' and '-' turned into '-', at most 80 characters, never "index", and unique
     * ignoring case (a second "a" becomes "a-2"), so that no page overwrites another on any file system.
     */
    public static List<String> fileNames(List<SessionView> sessions) {
        Set<String> taken = new HashSet<>(Set.of("index"));
        List<String> names = new ArrayList<>();
        for (SessionView s : sessions) {
            String base = s.name().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "").replaceAll("-+$", "");
            if (base.length() > MAX_NAME) {
                base = base.substring(0, MAX_NAME);
            }
            if (base.isEmpty()) {
                base = "session";
            }
            String name = base;
            for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
                name = base + "-" + n;
            }
            names.add(name);
        }
        return names;
    }
}
