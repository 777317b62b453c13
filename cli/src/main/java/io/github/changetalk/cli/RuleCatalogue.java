package io.github.changetalk.cli;

import io.github.changetalk.Band;
import io.github.changetalk.Direction;
import io.github.changetalk.Kind;
import io.github.changetalk.RuleInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Markdown catalogue of loaded rules ({@code changetalk rules doc}), as Odin generates its rule
 * tables: grouped by DARN-CAT kind, change talk then sustain talk, then the neutral rules; for each rule
 * its kind, direction, band and overrides, where it is written, what it hears, its patterns as the pack
 * writes them, and its examples. The text depends only on the rules, so a checked-in copy can be
 * compared with a fresh one.
 */
final class RuleCatalogue {
    private RuleCatalogue() {
    }

    static String markdown(List<RuleInfo> rules, String regenerate) {
        Map<String, List<RuleInfo>> groups = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            groups.put(title(kind.id()) + ": change talk", new ArrayList<>());
            groups.put(title(kind.id()) + ": sustain talk", new ArrayList<>());
        }
        groups.put("Neutral", new ArrayList<>());
        for (RuleInfo r : rules) {
            groups.get(group(r)).add(r);
        }
        groups.values().removeIf(List::isEmpty);

        StringBuilder b = new StringBuilder();
        b.append("# Rule catalogue\n\n");
        b.append("Every rule of the default packs, generated from them by `changetalk rules doc`: do not edit by hand. ")
                .append("After changing a pack, regenerate it with `").append(regenerate).append("` (a test fails while it is stale). ")
                .append("How rules are written and how they decide is in [the rule language](rule-language.md); the macros ")
                .append("(`$I`, `$NOT`...) and shared word lists (`$WANT`...) are in [rules/common.yaml](../rules/common.yaml).\n\n");
        b.append(rules.size()).append(" rules. A sentence gets the label of the rule that decides it: the rule in the highest ")
                .append("band, unless a rule that fired with it lists it under *overrides*; then the longer match, the match ")
                .append("ending last, the rule loaded first.\n\n");
        b.append("| band | rank | what its rules hear | rules |\n|---|---|---|---|\n");
        for (int i = Band.values().length - 1; i >= 0; i--) {
            Band band = Band.values()[i];
            long n = rules.stream().filter(r -> r.band() == band).count();
            b.append("| ").append(band.id()).append(" | ").append(band.rank()).append(" | ").append(cell(band.meaning()))
                    .append(" | ").append(n).append(" |\n");
        }
        b.append("\n## Contents\n\n");
        for (Map.Entry<String, List<RuleInfo>> g : groups.entrySet()) {
            b.append("- [").append(g.getKey()).append("](#").append(anchor(g.getKey())).append(") (")
                    .append(g.getValue().size()).append(")\n");
        }
        for (Map.Entry<String, List<RuleInfo>> g : groups.entrySet()) {
            b.append("\n## ").append(g.getKey()).append("\n\n| rule | band | what it hears |\n|---|---|---|\n");
            for (RuleInfo r : g.getValue()) {
                b.append("| [").append(r.id()).append("](#").append(anchor(r.id())).append(") | ").append(r.band().id())
                        .append(" | ").append(cell(firstSentence(r.description()))).append(" |\n");
            }
            for (RuleInfo r : g.getValue()) {
                rule(b, r);
            }
        }
        return b.toString().stripTrailing() + "\n";
    }

    private static void rule(StringBuilder b, RuleInfo r) {
        while (b.charAt(b.length() - 1) == '\n' && b.charAt(b.length() - 2) == '\n') {
            b.setLength(b.length() - 1);
        }
        b.append("\n### ").append(r.id()).append("\n\n");
        b.append(r.kind() == null ? "neutral" : "kind **" + r.kind().id() + "**, direction **" + r.direction().id() + "**")
                .append(", band **").append(r.band().id()).append("**");
        if (!r.overrides().isEmpty()) {
            b.append(", overrides ");
            for (int i = 0; i < r.overrides().size(); i++) {
                String o = r.overrides().get(i);
                b.append(i == 0 ? "" : ", ").append('[').append(o).append("](#").append(anchor(o)).append(')');
            }
        }
        if (!r.targets().isEmpty()) {
            b.append(", only for targets where change means **").append(String.join("** or **", r.targets())).append("**");
        }
        b.append(". Written in [").append(r.source()).append(':').append(r.line()).append("](../").append(r.source())
                .append("#L").append(r.line()).append(").\n\n");
        if (r.description() != null) {
            b.append(oneParagraph(r.description())).append("\n\n");
        }
        patterns(b, "Patterns (any one fires the rule)", r.patterns());
        patterns(b, "Unless (any one anywhere in the sentence holds the rule back)", r.unless());
        patterns(b, "Context (the counselor turn just before must match one)", r.context());
        examples(b, "Fires on", r, true);
        examples(b, "Does not fire on", r, false);
    }

    private static void patterns(StringBuilder b, String heading, List<String> patterns) {
        if (patterns.isEmpty()) {
            return;
        }
        b.append(heading).append(":\n\n```\n");
        for (String p : patterns) {
            int colon = p.indexOf(": ");
            String type = p.substring(0, colon);
            String text = p.substring(colon + 2);
            if (text.contains("\n")) {
                b.append("- ").append(type).append(": |\n");
                for (String line : text.split("\n")) {
                    b.append("    ").append(line).append('\n');
                }
            } else {
                b.append("- ").append(type).append(": ").append(text).append('\n');
            }
        }
        b.append("```\n\n");
    }

    private static void examples(StringBuilder b, String heading, RuleInfo r, boolean match) {
        List<RuleInfo.Example> list = r.examples().stream().filter(e -> e.match() == match).toList();
        if (list.isEmpty()) {
            return;
        }
        b.append(heading).append(":\n\n");
        for (RuleInfo.Example e : list) {
            b.append("- ");
            if (e.context() != null) {
                b.append("*Counselor:* ").append(escape(e.context())).append(" *Client:* ");
            }
            b.append(escape(e.text()));
            if (e.target() != null) {
                b.append(" *(target: ").append(escape(e.target())).append(")*");
            }
            b.append('\n');
        }
        b.append('\n');
    }

    private static String group(RuleInfo r) {
        if (r.direction() == Direction.NEUTRAL || r.kind() == null) {
            return "Neutral";
        }
        return title(r.kind().id()) + (r.direction() == Direction.CHANGE ? ": change talk" : ": sustain talk");
    }

    private static String title(String id) {
        String s = id.replace('-', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The anchor GitHub gives a heading: lower case, spaces to hyphens, punctuation but - and _ dropped. */
    static String anchor(String heading) {
        StringBuilder a = new StringBuilder();
        for (char c : heading.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                a.append(c);
            } else if (c == ' ') {
                a.append('-');
            }
        }
        return a.toString();
    }

    private static String oneParagraph(String text) {
        return escape(text.strip().replaceAll("\\s*\\R\\s*", " "));
    }

    private static String firstSentence(String description) {
        if (description == null) {
            return "";
        }
        String d = description.strip().replaceAll("\\s*\\R\\s*", " ");
        int end = d.indexOf(". ");
        return end < 0 ? d : d.substring(0, end + 1);
    }

    private static String cell(String text) {
        return escape(text).replace("|", "\\|");
    }

    /** Keeps Markdown from reading a sentence as markup: {@code *}, {@code _}, {@code <}, backquotes. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("<", "&lt;").replace("`", "\\`");
    }
}
