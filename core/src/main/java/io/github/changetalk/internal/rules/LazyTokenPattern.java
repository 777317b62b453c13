package io.github.changetalk.internal.rules;

import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.SequenceMatchAction;
import edu.stanford.nlp.ling.tokensregex.SequencePattern;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import edu.stanford.nlp.ling.tokensregex.parser.TokenSequenceParser;
import edu.stanford.nlp.util.CoreMap;
import edu.stanford.nlp.util.Pair;

/**
 * A TokensRegex pattern parsed at load time (so a bad pattern still fails the pack at once, naming its
 * file, line and rule), whose matcher automaton is built only when first needed.
 *
 * <p>Why: {@link TokenReach} finds the matches of the default packs' patterns from the parsed
 * expression alone, so TokensRegex's own automaton is needed only for what it does not model, for
 * sentences over its step budget, and for the ungated verification mode. Building it costs about 70%
 * of TokensRegex's compile time (lexicons are copied into every pattern that names them), which was
 * start-up time spent on every run. Thread-safe: the automaton is built once, under a lock.
 */
final class LazyTokenPattern {
    private final String text;
    private final SequencePattern.PatternExpr expr;
    private final SequenceMatchAction<CoreMap> action;
    private volatile TokenSequencePattern built;

    private LazyTokenPattern(String text, SequencePattern.PatternExpr expr, SequenceMatchAction<CoreMap> action) {
        this.text = text;
        this.expr = expr;
        this.action = action;
    }

    /** Parses {@code text} in {@code env}; throws, as TokenSequencePattern.compile does, on a syntax error. */
    @SuppressWarnings("unchecked")
    static LazyTokenPattern parse(Env env, String text) {
        try {
            Pair<SequencePattern.PatternExpr, SequenceMatchAction<CoreMap>> p =
                    new TokenSequenceParser().parseSequenceWithAction(env, text);
            return new LazyTokenPattern(text, p.first(), p.second());
        } catch (Exception e) {
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new RuntimeException("Error when parsing " + text, e);
        }
    }

    /** The parsed expression, for the trigger, length and reach walks; never mutated here. */
    SequencePattern.PatternExpr expr() {
        return expr;
    }

    /** TokensRegex's compiled pattern, built on first use. */
    TokenSequencePattern get() {
        TokenSequencePattern p = built;
        if (p == null) {
            synchronized (this) {
                p = built;
                if (p == null) {
                    p = new TokenSequencePattern(text, expr, action);
                    built = p;
                }
            }
        }
        return p;
    }

    /** Whether {@link #get} has built the automaton (for tests). */
    boolean isBuilt() {
        return built != null;
    }
}
