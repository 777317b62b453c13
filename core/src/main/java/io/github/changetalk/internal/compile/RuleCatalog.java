package io.github.changetalk.internal.compile;

import io.github.changetalk.RulePackException;
import io.github.changetalk.internal.pack.LexiconSpec;
import io.github.changetalk.internal.pack.MacroSpec;
import io.github.changetalk.internal.pack.PackSpec;
import io.github.changetalk.internal.pack.PatternSpec;
import io.github.changetalk.internal.pack.PatternType;
import io.github.changetalk.internal.pack.RuleSpec;
import io.github.changetalk.internal.pack.Suggestion;
import io.github.changetalk.internal.pack.TargetDirection;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every loaded pack, checked as a whole: rule ids unique across packs, lexicon and macro names defined
 * once (target lexicons excepted: each target pack contributes to them), every {@code $NAME} a pattern,
 * macro or lexicon uses defined, no lexicon or macro that includes itself, and every rule an
 * {@code overrides} list names known, with no rules overriding each other in a cycle. Its rules have
 * their macros expanded ({@link Macros}). Immutable.
 */
public final class RuleCatalog {
    static final Pattern LEXICON_REF = Pattern.compile("\\$([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)");

    private final List<PackSpec> packs;
    private final List<RuleSpec> rules;
    private final Map<String, LexiconSpec> lexicons;
    private final Map<String, List<LexiconSpec>> targetLexicons;
    private final Map<String, PackSpec> targets;
    private final Macros macros;

    public RuleCatalog(List<PackSpec> packs, Set<String> disabled) {
        this.packs = List.copyOf(packs);
        Map<String, RuleSpec> ids = new LinkedHashMap<>();
        Map<String, LexiconSpec> lex = new LinkedHashMap<>();
        Map<String, List<LexiconSpec>> targetLex = new LinkedHashMap<>();
        Map<String, PackSpec> targetPacks = new LinkedHashMap<>();
        Map<String, MacroSpec> macroSpecs = new LinkedHashMap<>();
        Map<String, String> packNames = new HashMap<>();
        for (PackSpec pack : packs) {
            String previous = packNames.putIfAbsent(pack.name(), pack.source());
            if (previous != null) {
                throw new RulePackException(pack.source(), 0, null,
                        "pack name '" + pack.name() + "' is already used by " + previous);
            }
            if (pack.isTarget()) {
                String key = pack.target().toLowerCase(Locale.ROOT);
                if (targetPacks.containsKey(key)) {
                    throw new RulePackException(pack.source(), 0, null,
                            "target '" + pack.target() + "' is already defined by " + targetPacks.get(key).source());
                }
                targetPacks.put(key, pack);
                for (LexiconSpec l : pack.lexicons()) {
                    targetLex.computeIfAbsent(l.name(), k -> new ArrayList<>()).add(l);
                }
            }
        }
        for (PackSpec pack : packs) {
            if (!pack.isTarget()) {
                for (LexiconSpec l : pack.lexicons()) {
                    LexiconSpec first = lex.get(l.name());
                    List<LexiconSpec> asTarget = targetLex.get(l.name());
                    if (first != null || asTarget != null) {
                        LexiconSpec other = first != null ? first : asTarget.get(0);
                        throw new RulePackException(l.source(), l.line(), null, "lexicon " + l.name()
                                + " is already defined at " + other.source() + ":" + other.line());
                    }
                    lex.put(l.name(), l);
                }
            }
            for (MacroSpec m : pack.macros()) {
                MacroSpec first = macroSpecs.putIfAbsent(m.name(), m);
                if (first != null) {
                    throw new RulePackException(m.source(), m.line(), null, "macro " + m.name()
                            + " is already defined at " + first.source() + ":" + first.line());
                }
            }
            for (RuleSpec r : pack.rules()) {
                RuleSpec first = ids.get(r.id());
                if (first != null) {
                    throw new RulePackException(r.source(), r.line(), r.id(),
                            "duplicate rule id (first defined at " + first.source() + ":" + first.line() + ")");
                }
                ids.put(r.id(), r);
            }
        }
        for (String id : disabled) {
            if (!ids.containsKey(id)) {
                throw new IllegalArgumentException("cannot disable unknown rule " + id);
            }
        }
        this.lexicons = Map.copyOf(lex);
        this.targetLexicons = Map.copyOf(targetLex);
        this.targets = Map.copyOf(targetPacks);
        List<RuleSpec> enabled = new ArrayList<>();
        for (RuleSpec r : ids.values()) {
            if (!disabled.contains(r.id())) {
                enabled.add(r);
            }
        }
        checkLexiconReferences(macroSpecs.keySet());
        for (MacroSpec m : macroSpecs.values()) {
            if (isDefined(m.name())) {
                LexiconSpec l = definitions(m.name()).get(0);
                throw new RulePackException(m.source(), m.line(), null, "macro " + m.name()
                        + " has the name of a lexicon (defined at " + l.source() + ":" + l.line() + ")");
            }
        }
        this.macros = new Macros(macroSpecs, allLexiconNames());
        checkOverrides(ids);
        List<RuleSpec> expanded = new ArrayList<>(enabled.size());
        for (RuleSpec r : enabled) {
            expanded.add(r.withPatterns(expand(r, r.patterns()), expand(r, r.unless()), expand(r, r.context())));
        }
        this.rules = List.copyOf(expanded);
    }

    /** A rule's patterns as the compiler reads them: token patterns with their macros expanded, every name checked. */
    private List<PatternSpec> expand(RuleSpec r, List<PatternSpec> patterns) {
        List<PatternSpec> out = new ArrayList<>(patterns.size());
        for (PatternSpec p : patterns) {
            boolean tokens = p.type() == PatternType.TOKENS;
            for (String name : references(p.text())) {
                if (macros.contains(name) && !tokens) {
                    throw new RulePackException(r.source(), p.line(), r.id(), p.slot() + " uses macro $" + name
                            + ", a token-pattern fragment: in a dependency pattern only lexicons can be named");
                }
                if (!macros.contains(name) && !isDefined(name)) {
                    Set<String> known = allLexiconNames();
                    known.addAll(macros.names());
                    throw new RulePackException(r.source(), p.line(), r.id(), p.slot() + " uses unknown lexicon or macro $"
                            + name + (known.isEmpty() ? " (no lexicons or macros are defined)" : Suggestion.hint(name, known, "$")));
                }
            }
            out.add(tokens ? p.withText(macros.expand(p.text())) : p);
        }
        return out;
    }

    /** Every id an {@code overrides} list names is a loaded rule (enabled or not), and no rules override each other in a cycle. */
    private static void checkOverrides(Map<String, RuleSpec> ids) {
        for (RuleSpec r : ids.values()) {
            for (String other : r.overrides()) {
                if (!ids.containsKey(other)) {
                    throw new RulePackException(r.source(), r.line(), r.id(), "overrides names unknown rule " + other
                            + Suggestion.hint(other, ids.keySet(), ""));
                }
            }
        }
        Set<String> done = new HashSet<>();
        for (RuleSpec r : ids.values()) {
            overrideCycle(r.id(), ids, new ArrayList<>(), done);
        }
    }

    private static void overrideCycle(String id, Map<String, RuleSpec> ids, List<String> path, Set<String> done) {
        if (path.contains(id)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
            cycle.add(id);
            RuleSpec at = ids.get(id);
            throw new RulePackException(at.source(), at.line(), at.id(), "rules override each other in a cycle: "
                    + String.join(" -> ", cycle));
        }
        if (done.contains(id)) {
            return;
        }
        path.add(id);
        for (String other : ids.get(id).overrides()) {
            overrideCycle(other, ids, path, done);
        }
        path.remove(path.size() - 1);
        done.add(id);
    }

    private void checkLexiconReferences(Set<String> macroNames) {
        List<LexiconSpec> all = new ArrayList<>(lexicons.values());
        targetLexicons.values().forEach(all::addAll);
        for (LexiconSpec l : all) {
            for (String entry : l.entries()) {
                if (entry.startsWith("$") && macroNames.contains(entry.substring(1))) {
                    throw new RulePackException(l.source(), l.line(), null, "lexicon " + l.name() + " includes " + entry
                            + ", a macro: a lexicon includes only other lexicons");
                }
                if (entry.startsWith("$") && !isDefined(entry.substring(1))) {
                    throw new RulePackException(l.source(), l.line(), null, "lexicon " + l.name() + " includes unknown lexicon "
                            + entry + Suggestion.hint(entry.substring(1), allLexiconNames(), "$"));
                }
            }
        }
        for (String name : allLexiconNames()) {
            checkCycle(name, new ArrayList<>(), new HashSet<>());
        }
    }

    private void checkCycle(String name, List<String> path, Set<String> done) {
        if (path.contains(name)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
            cycle.add(name);
            LexiconSpec at = definitions(name).get(0);
            throw new RulePackException(at.source(), at.line(), null,
                    "lexicons include each other in a cycle: " + String.join(" -> ", cycle));
        }
        if (!done.add(name + "@" + path.size())) {
            return;
        }
        path.add(name);
        for (LexiconSpec def : definitions(name)) {
            for (String entry : def.entries()) {
                if (entry.startsWith("$")) {
                    checkCycle(entry.substring(1), path, done);
                }
            }
        }
        path.remove(path.size() - 1);
    }

    /** All lexicon names referenced by {@code $NAME} in a pattern. */
    static Set<String> references(String pattern) {
        Set<String> out = new TreeSet<>();
        Matcher m = LEXICON_REF.matcher(pattern);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    boolean isDefined(String name) {
        return lexicons.containsKey(name) || targetLexicons.containsKey(name);
    }

    Set<String> allLexiconNames() {
        Set<String> names = new TreeSet<>(lexicons.keySet());
        names.addAll(targetLexicons.keySet());
        return names;
    }

    /** The definitions of a lexicon: one, or one per target pack that defines it. */
    List<LexiconSpec> definitions(String name) {
        LexiconSpec l = lexicons.get(name);
        if (l != null) {
            return List.of(l);
        }
        return targetLexicons.getOrDefault(name, List.of());
    }

    public List<PackSpec> packs() {
        return packs;
    }

    /** Enabled rules, in load order. */
    public List<RuleSpec> rules() {
        return rules;
    }

    /** Target names (lower case), in load order. */
    public List<String> targetNames() {
        return List.copyOf(new TreeSet<>(targets.keySet()));
    }

    /**
     * Resolves what a user or a transcript calls the target behaviour: a target name, one of its
     * aliases, or a longer topic that contains one (e.g. "reducing alcohol consumption" contains the
     * alias "alcohol"; the longest alias contained wins, then the target name first in alphabetical
     * order). A topic that contains the name of a behaviour resolves to that behaviour's target rather
     * than to a target of direction none ("self-confidence to quit smoking" is about smoking). Returns
     * null when nothing fits.
     */
    public String resolveTarget(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (targets.containsKey(t)) {
            return t;
        }
        for (String name : targetNames()) {
            for (String alias : targets.get(name).aliases()) {
                if (alias.equalsIgnoreCase(t)) {
                    return name;
                }
            }
        }
        String behaviour = containedTarget(t, false);
        return behaviour != null ? behaviour : containedTarget(t, true);
    }

    /** The target whose longest name or alias the topic contains, among the targets of direction none or the others. */
    private String containedTarget(String topic, boolean directionNone) {
        String best = null;
        int bestLength = 0;
        for (String name : targetNames()) {
            PackSpec pack = targets.get(name);
            if ((pack.direction() == TargetDirection.NONE) != directionNone) {
                continue;
            }
            List<String> names = new ArrayList<>(pack.aliases());
            names.add(name);
            for (String alias : names) {
                String a = alias.toLowerCase(Locale.ROOT);
                if (a.length() > bestLength && Pattern.compile("\\b" + Pattern.quote(a) + "\\b").matcher(topic).find()) {
                    best = name;
                    bestLength = a.length();
                }
            }
        }
        return best;
    }

    /**
     * Resolves a topic that may name several behaviours, separated by semicolons ("reducing alcohol
     * consumption; compliance with rules"): each part as {@link #resolveTarget} resolves it. Parts that
     * name no target are left out; the result is empty when none does.
     */
    public Set<String> resolveTargets(String text) {
        Set<String> out = new TreeSet<>();
        if (text == null) {
            return out;
        }
        for (String part : text.split(";")) {
            String t = resolveTarget(part);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Which ways change goes for a selection of targets (null: every target): the directions its target
     * packs declare. A selection none of whose packs declares one (the generic target alone, a user's
     * target pack that does not say) is about some behaviour, either way: {@link TargetDirection#UNKNOWN}.
     */
    public Set<TargetDirection> directions(Set<String> selection) {
        Set<TargetDirection> out = EnumSet.noneOf(TargetDirection.class);
        for (Map.Entry<String, PackSpec> e : targets.entrySet()) {
            if ((selection == null || selection.contains(e.getKey())) && e.getValue().direction() != null) {
                out.add(e.getValue().direction());
            }
        }
        return out.isEmpty() ? TargetDirection.UNKNOWN : out;
    }

    /** The direction a target declares, or null (unknown target, or none declared). */
    public TargetDirection direction(String target) {
        PackSpec p = target == null ? null : targets.get(target.toLowerCase(Locale.ROOT));
        return p == null ? null : p.direction();
    }

    boolean isTargetLexicon(String name) {
        return targetLexicons.containsKey(name);
    }
}
