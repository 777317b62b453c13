package io.github.changetalk.internal.compile;

import io.github.changetalk.RulePackException;
import io.github.changetalk.internal.pack.MacroSpec;
import io.github.changetalk.internal.pack.PatternText;
import io.github.changetalk.internal.pack.Suggestion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * The macros of all loaded packs, expanded into token patterns as text before anything else reads
 * them: {@code $I []{0,3} $WANT} becomes {@code [{word:/(?i)i/}] []{0,3} $WANT} (a lexicon such as
 * {@code $WANT} is left for TokensRegex, which binds it). So a pattern written with macros compiles,
 * triggers and matches exactly as the same pattern written out. A macro's body is put in as written
 * when it is one element (a token test, a group or a name), else in parentheses, so that a quantifier
 * after the macro applies to all of it. Immutable once built; every macro is expanded at construction,
 * so a cycle or an unknown name in any macro fails the load.
 */
final class Macros {
    private final Map<String, MacroSpec> byName;
    private final Map<String, String> expanded = new HashMap<>();

    /** {@code lexicons}: the other names a macro may use. */
    Macros(Map<String, MacroSpec> byName, Set<String> lexicons) {
        this.byName = Map.copyOf(byName);
        Set<String> known = new TreeSet<>(lexicons);
        known.addAll(byName.keySet());
        for (MacroSpec m : byName.values()) {
            for (String name : RuleCatalog.references(m.text())) {
                if (!known.contains(name)) {
                    throw new RulePackException(m.source(), m.line(), null, "macro " + m.name()
                            + " uses unknown lexicon or macro $" + name + Suggestion.hint(name, known, "$"));
                }
            }
        }
        for (MacroSpec m : byName.values()) {
            body(m.name(), new ArrayList<>());
        }
    }

    boolean contains(String name) {
        return byName.containsKey(name);
    }

    Set<String> names() {
        return byName.keySet();
    }

    /** The pattern with every macro replaced by its body; other {@code $NAME}s are left as they are. */
    String expand(String pattern) {
        if (byName.isEmpty() || pattern.indexOf('$') < 0) {
            return pattern;
        }
        Matcher m = RuleCatalog.LEXICON_REF.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (byName.containsKey(name)) {
                m.appendReplacement(out, Matcher.quoteReplacement(expanded.get(name)));
            }
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The expanded body of a macro, ready to put in place of its name. */
    private String body(String name, List<String> path) {
        String known = expanded.get(name);
        if (known != null) {
            return known;
        }
        MacroSpec m = byName.get(name);
        if (path.contains(name)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
            cycle.add(name);
            throw new RulePackException(m.source(), m.line(), null, "macros include each other in a cycle: "
                    + String.join(" -> ", cycle.stream().map(n -> "$" + n).toList()));
        }
        path.add(name);
        Matcher r = RuleCatalog.LEXICON_REF.matcher(m.text());
        StringBuilder out = new StringBuilder();
        while (r.find()) {
            if (byName.containsKey(r.group(1))) {
                r.appendReplacement(out, Matcher.quoteReplacement(body(r.group(1), path)));
            }
        }
        r.appendTail(out);
        path.remove(path.size() - 1);
        String text = out.toString().strip();
        String body = oneElement(text) ? text : "(" + text + ")";
        expanded.put(name, body);
        return body;
    }

    /** Whether a pattern is one element: one token test {@code [...]}, one group {@code (...)} or one {@code $NAME}. */
    static boolean oneElement(String text) {
        if (RuleCatalog.LEXICON_REF.matcher(text).matches()) {
            return true;
        }
        if (text.isEmpty() || (text.charAt(0) != '[' && text.charAt(0) != '(')) {
            return false;
        }
        boolean[] code = PatternText.code(text, new char[1]);
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!code[i]) {
                continue;
            }
            if (c == '[' || c == '(' || c == '{') {
                depth++;
            } else if (c == ']' || c == ')' || c == '}') {
                depth--;
                if (depth == 0) {
                    return i == text.length() - 1;
                }
            }
        }
        return false;
    }
}
