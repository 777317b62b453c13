package io.github.changetalk.internal.compile;

import io.github.changetalk.internal.pack.LexiconSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The lexicons of one target selection, tokenized the way sentences are (so "wanna" is "wan na" and
 * "can't" is "ca n't" in both), and rendered as TokensRegex and Semgrex patterns. An entry token
 * matches a sentence token whose word or lemma equals it, ignoring case, so "quit" also matches
 * "quitting" and "drank" matches "drink".
 */
final class LexiconTable {
    /** A node that matches no token, for a lexicon that no active target defines. */
    private static final String NEVER_TOKEN = "[!{word:/.*/}]";
    private static final String NEVER_REGEX = "/(?!)x/";

    private final RuleCatalog catalog;
    private final Set<String> activeTargets;
    private final Function<String, List<String>> tokenizer;
    // Lexicons include one another and are named by many patterns: each entry is tokenized once and
    // each lexicon's entries collected once (tokenizing was a sixth of the rule compile at start-up).
    private final Map<String, List<String>> tokenized = new HashMap<>();
    private final Map<String, Set<List<String>>> collected = new HashMap<>();

    /** {@code activeTargets} null means every target. */
    LexiconTable(RuleCatalog catalog, Set<String> activeTargets, Function<String, List<String>> tokenizer) {
        this.catalog = catalog;
        this.activeTargets = activeTargets;
        this.tokenizer = tokenizer;
    }

    /** The entries of a lexicon under this selection, each as its lower-cased tokens. */
    Set<List<String>> entries(String name) {
        Set<List<String>> known = collected.get(name);
        if (known == null) {
            Set<List<String>> out = new LinkedHashSet<>();
            collect(name, out, new LinkedHashSet<>());
            known = Collections.unmodifiableSet(out);
            collected.put(name, known);
        }
        return known;
    }

    private void collect(String name, Set<List<String>> out, Set<String> seen) {
        if (!seen.add(name)) {
            return; // cycles are rejected by the catalog; this only stops diamond includes repeating work
        }
        for (LexiconSpec def : catalog.definitions(name)) {
            if (def.target() != null && activeTargets != null
                    && !activeTargets.contains(def.target().toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (String entry : def.entries()) {
                if (entry.startsWith("$")) {
                    collect(entry.substring(1), out, seen);
                } else {
                    List<String> tokens = tokenized.computeIfAbsent(entry, this::tokenize);
                    if (!tokens.isEmpty()) {
                        out.add(tokens);
                    }
                }
            }
        }
    }

    private List<String> tokenize(String entry) {
        List<String> tokens = new ArrayList<>();
        for (String t : tokenizer.apply(entry)) {
            tokens.add(t.toLowerCase(Locale.ROOT));
        }
        return List.copyOf(tokens);
    }

    /** A TokensRegex sequence pattern matching any entry. */
    String tokensRegex(String name) {
        Set<List<String>> entries = entries(name);
        List<String> singles = new ArrayList<>();
        List<String> alternatives = new ArrayList<>();
        for (List<String> entry : entries) {
            if (entry.size() == 1) {
                singles.add(entry.get(0));
            }
        }
        if (!singles.isEmpty()) {
            alternatives.add(node(singles));
        }
        for (List<String> entry : entries) {
            if (entry.size() > 1) {
                StringBuilder seq = new StringBuilder("(");
                for (String token : entry) {
                    if (seq.length() > 1) {
                        seq.append(' ');
                    }
                    seq.append(node(List.of(token)));
                }
                alternatives.add(seq.append(')').toString());
            }
        }
        if (alternatives.isEmpty()) {
            return NEVER_TOKEN;
        }
        return alternatives.size() == 1 ? alternatives.get(0) : "(" + String.join(" | ", alternatives) + ")";
    }

    /** A Semgrex attribute regex matching any one-word entry, e.g. {@code /(?i)(?:quit|stop)/}. */
    String semgrexRegex(String name) {
        List<String> singles = new ArrayList<>();
        for (List<String> entry : entries(name)) {
            if (entry.size() == 1) {
                singles.add(entry.get(0));
            }
        }
        return singles.isEmpty() ? NEVER_REGEX : "/" + alternation(singles) + "/";
    }

    private static String node(List<String> words) {
        String alt = alternation(words);
        return "[{word:/" + alt + "/} | {lemma:/" + alt + "/}]";
    }

    private static String alternation(List<String> words) {
        StringBuilder b = new StringBuilder("(?i)(?:");
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                b.append('|');
            }
            b.append(LiteralRegex.quote(words.get(i)));
        }
        return b.append(')').toString();
    }
}
