package io.github.changetalk.internal.compile;

import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import edu.stanford.nlp.semgraph.semgrex.SemgrexPattern;
import io.github.changetalk.RulePackException;
import io.github.changetalk.internal.pack.PatternSpec;
import io.github.changetalk.internal.pack.PatternType;
import io.github.changetalk.internal.pack.RuleSpec;
import io.github.changetalk.internal.pack.TargetDirection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * Compiles a catalog's rules for one target selection into a {@link RuleSet}. Each compilation gets
 * its own TokensRegex {@link Env}: the default environment behind {@code TokenSequencePattern.compile(String)}
 * is a static mutable map shared by the whole JVM.
 */
public final class RuleCompiler {
    private RuleCompiler() {
    }

    /** {@code activeTargets} null means every target. */
    public static RuleSet compile(RuleCatalog catalog, Set<String> activeTargets, Function<String, List<String>> tokenizer) {
        return compile(catalog, activeTargets, tokenizer, KnownPatterns.NONE);
    }

    /** As above; token patterns {@code known} to parse under these lexicons are parsed on first use rather than now. */
    public static RuleSet compile(RuleCatalog catalog, Set<String> activeTargets, Function<String, List<String>> tokenizer,
                                  KnownPatterns known) {
        LexiconTable lexicons = new LexiconTable(catalog, activeTargets, tokenizer);
        Env env = TokenSequencePattern.getNewEnv();
        Set<String> referenced = new TreeSet<>();
        // Identical token patterns (the short-answer patterns repeated per DARN-CAT kind) are compiled
        // once and marked shared, so that the matcher runs them once per sentence (RuleMatcher).
        Map<String, Integer> uses = new HashMap<>();
        for (RuleSpec r : catalog.rules()) {
            for (PatternSpec p : r.allPatterns()) {
                if (p.type() == PatternType.TOKENS) {
                    referenced.addAll(RuleCatalog.references(p.text()));
                    uses.merge(p.text(), 1, Integer::sum);
                }
            }
        }
        Map<String, Set<List<String>>> bound = new HashMap<>();
        for (String name : referenced) {
            try {
                Set<List<String>> entries = lexicons.entries(name);
                bound.put(name, entries);
                env.bind("$" + name, LexiconPattern.of(entries));
            } catch (RuntimeException e) {
                var def = catalog.definitions(name).get(0);
                throw new RulePackException(def.source(), def.line(), null,
                        "lexicon " + name + " cannot be compiled: " + PatternErrors.message(e));
            }
        }
        List<CompiledRule> rules = new ArrayList<>();
        Parsing parsing = new Parsing(env, known.knownUnder(bound), new Object());
        Map<String, CompiledPattern.Tokens> shared = new HashMap<>();
        // A rule restricted to targets of one direction ('targets: [more]') is left out of a selection
        // with no target of that direction: "I don't want to fall" is sustain talk about exercise only.
        Set<TargetDirection> directions = catalog.directions(activeTargets);
        for (RuleSpec r : catalog.rules()) {
            if (!r.appliesTo(directions)) {
                continue;
            }
            List<CompiledPattern> patterns = compileAll(r, r.patterns(), parsing, lexicons, shared, uses);
            List<CompiledPattern> unless = compileAll(r, r.unless(), parsing, lexicons, shared, uses);
            List<CompiledPattern> context = compileAll(r, r.context(), parsing, lexicons, shared, uses);
            rules.add(new CompiledRule(r, rules.size(), patterns, unless, context));
        }
        return new RuleSet(rules, bound);
    }

    /**
     * How one compilation parses token patterns: in {@code env}, deferring those {@code known} to parse
     * (their deferred parses share {@code parseLock}).
     */
    private record Parsing(Env env, Set<String> known, Object parseLock) {
        CompiledPattern.Tokens tokens(PatternSpec spec, boolean shared) {
            LazyTokenPattern source = known.contains(spec.text()) ? LazyTokenPattern.deferred(env, parseLock, spec.text())
                    : LazyTokenPattern.parse(env, spec.text());
            return new CompiledPattern.Tokens(spec, source, shared);
        }
    }

    private static List<CompiledPattern> compileAll(RuleSpec rule, List<PatternSpec> specs, Parsing parsing, LexiconTable lexicons,
                                                    Map<String, CompiledPattern.Tokens> shared, Map<String, Integer> uses) {
        List<CompiledPattern> out = new ArrayList<>(specs.size());
        for (PatternSpec spec : specs) {
            CompiledPattern.Tokens same = spec.type() == PatternType.TOKENS ? shared.get(spec.text()) : null;
            if (same != null) {
                out.add(same.sharedWith(spec));
                continue;
            }
            CompiledPattern p = compile(rule, spec, parsing, lexicons, uses.getOrDefault(spec.text(), 0) > 1);
            if (p instanceof CompiledPattern.Tokens t) {
                shared.put(spec.text(), t);
            }
            out.add(p);
        }
        return out;
    }

    private static CompiledPattern compile(RuleSpec rule, PatternSpec spec, Parsing parsing, LexiconTable lexicons,
                                           boolean shared) {
        try {
            String unsafe = spec.type() == PatternType.TOKENS
                    ? PatternGuard.checkTokens(spec.text()) : PatternGuard.checkSemgrex(spec.text());
            if (unsafe != null) {
                throw new RulePackException(rule.source(), spec.line(), rule.id(), spec.slot() + ": " + unsafe);
            }
            if (spec.type() == PatternType.TOKENS) {
                return parsing.tokens(spec, shared);
            }
            String text = substituteLexicons(spec.text(), lexicons);
            SemgrexPattern p = SemgrexPattern.compile(text);
            return new CompiledPattern.Dependency(spec, p, spec.graph(), text);
        } catch (RulePackException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError vm) {
                throw vm;
            }
            String language = spec.type() == PatternType.TOKENS ? "TokensRegex" : "Semgrex";
            throw new RulePackException(rule.source(), spec.line(), rule.id(),
                    spec.slot() + ": bad " + language + " pattern: " + PatternErrors.message(e));
        }
    }

    /** Replaces {@code $NAME} in a Semgrex pattern by a regex over the lexicon's one-word entries. */
    static String substituteLexicons(String pattern, LexiconTable lexicons) {
        Matcher m = RuleCatalog.LEXICON_REF.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(lexicons.semgrexRegex(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
