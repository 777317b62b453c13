package io.github.changetalk.internal.compile;

import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.SequenceMatchAction;
import edu.stanford.nlp.ling.tokensregex.SequencePattern;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import edu.stanford.nlp.ling.tokensregex.parser.TokenSequenceParser;
import edu.stanford.nlp.util.CoreMap;
import edu.stanford.nlp.util.Pair;

/**
 * A TokensRegex pattern whose costly parts are built only when first needed: its matcher automaton
 * always, and its parse too when the pattern was {@linkplain #deferred deferred}.
 *
 * <p>Why: the shortcuts ({@code internal.shortcut.TokenReach}) find the matches of the default packs'
 * patterns from the parsed expression alone, so TokensRegex's own automaton is needed only for what they
 * do not model, for sentences over their step budget, and on the plain path. Building it costs about 70%
 * of TokensRegex's compile time (lexicons are copied into every pattern that names them). Parsing is
 * most of the rest: a pattern whose trigger and length bound are known without parsing it (the command
 * line's pattern index, see {@link KnownPatterns}) need not be parsed until a sentence holds its trigger
 * words, and a one-line input meets a quarter of the rules at most. A pattern not in an index is {@linkplain #parse parsed} at load time, so that a bad
 * pattern fails its pack at once, naming file, line and rule.
 *
 * <p>Thread-safe: each part is built once. Deferred parses of one compilation share its TokensRegex
 * {@link Env} and are made one at a time, under one lock per compilation.
 */
public final class LazyTokenPattern {
    private final Env env;
    private final Object parseLock;
    private final String text;
    private final boolean deferred;
    private volatile Parsed parsed;
    private volatile TokenSequencePattern built;

    private record Parsed(SequencePattern.PatternExpr expr, SequenceMatchAction<CoreMap> action) {
    }

    private LazyTokenPattern(Env env, Object parseLock, String text, Parsed parsed) {
        this.env = env;
        this.parseLock = parseLock;
        this.text = text;
        this.parsed = parsed;
        this.deferred = parsed == null;
    }

    /** Parses {@code text} in {@code env} now; throws, as TokenSequencePattern.compile does, on a syntax error. */
    public static LazyTokenPattern parse(Env env, String text) {
        return new LazyTokenPattern(env, env, text, parseNow(env, text));
    }

    /**
     * A pattern parsed in {@code env} on first use. Only for text known to parse (it did when the index
     * was written, with the same lexicons): {@code env} must not change afterwards, and every deferred
     * pattern of one {@code env} must be given the same {@code parseLock}.
     */
    public static LazyTokenPattern deferred(Env env, Object parseLock, String text) {
        return new LazyTokenPattern(env, parseLock, text, null);
    }

    @SuppressWarnings("unchecked")
    private static Parsed parseNow(Env env, String text) {
        try {
            Pair<SequencePattern.PatternExpr, SequenceMatchAction<CoreMap>> p =
                    new TokenSequenceParser().parseSequenceWithAction(env, text);
            BudgetedRegex.install(p.first()); // word regexes count their work against the match's step budget
            return new Parsed(p.first(), p.second());
        } catch (Exception e) {
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new RuntimeException("Error when parsing " + text, e);
        }
    }

    private Parsed parsed() {
        Parsed p = parsed;
        if (p == null) {
            synchronized (parseLock) {
                p = parsed;
                if (p == null) {
                    p = parseNow(env, text);
                    parsed = p;
                }
            }
        }
        return p;
    }

    /** The pattern as written. */
    public String text() {
        return text;
    }

    /** The parsed expression, for the trigger, length and reach walks; never mutated here. */
    public SequencePattern.PatternExpr expr() {
        return parsed().expr();
    }

    /** TokensRegex's compiled pattern, built on first use. */
    public TokenSequencePattern get() {
        TokenSequencePattern p = built;
        if (p == null) {
            Parsed source = parsed();
            synchronized (this) {
                p = built;
                if (p == null) {
                    p = new TokenSequencePattern(text, source.expr(), source.action());
                    built = p;
                }
            }
        }
        return p;
    }

    /** Whether {@link #get} has built the automaton (for tests). */
    public boolean isBuilt() {
        return built != null;
    }

    /** Whether the pattern was made {@linkplain #deferred deferred}: its trigger and length are known from elsewhere. */
    public boolean deferred() {
        return deferred;
    }

    /** Whether the pattern has been parsed (for tests). */
    public boolean isParsed() {
        return parsed != null;
    }
}
