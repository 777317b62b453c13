package io.github.changetalk.internal.compile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load-time checks that keep rule patterns data, not code, and keep their matching cost bounded. Returns
 * the problem as one sentence, or null when the pattern is acceptable.
 *
 * <p>Code: TokensRegex can call functions and methods from a pattern: {@code {word::IS_NUM}} (a named
 * predicate), {@code {{ ... }}} (an expression node, which may call functions and Java methods on
 * values), {@code => ...} (a value expression) and {@code ==> &annotate(...)} (an action). All are
 * refused, and node attributes are limited to the ones the pipeline fills in, since an unknown
 * attribute name is looked up as a Java class.
 *
 * <p>Cost: TokensRegex explores every way a repeated group can split the tokens, so a repeat nested in
 * a repeat ({@code ([]{0,3}){0,5}}) took 14 s on ten tokens, and a repeat of something that can
 * match nothing ({@code ([]*)*}) overflows the stack. Java regexes inside nodes backtrack the same way
 * ({@code (a+)+b}). Both nestings are refused, as are word regexes whose repeats multiply to too many
 * ways of splitting a word; a runtime step budget ({@link StepBudget}) backs this up.
 */
public final class PatternGuard {
    /** Node attributes that the pipeline fills in (word, lemma, part-of-speech tag) and their aliases. */
    static final Set<String> ATTRIBUTES = Set.of("word", "lemma", "tag", "text", "pos");
    /** Unbounded quantifiers in one word regex; more can backtrack polynomially on long tokens. */
    static final int MAX_UNBOUNDED = 3;
    /** Words are cut to this many characters before matching (the {@code long-token} notice). */
    static final int WORD_CHARS = 128;
    /**
     * Ways one word regex may split a word: as many as three unbounded repeats give ((128 + 1)^3), which
     * the limit on unbounded repeats already allowed.
     */
    static final long MAX_WAYS = 129L * 129 * 129;

    /** CoreNLP's pattern parsers recurse per nesting level; a deep pattern would overflow the stack at load. */
    static final int MAX_NESTING = 20;
    static final int MAX_LENGTH = 5_000;

    private static final Pattern ATTRIBUTE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*(?=::|:|<=|>=|==|!=|<|>)");

    private PatternGuard() {
    }

    /** Checks a TokensRegex pattern (before lexicon substitution; {@code $NAME} lexicons hold no repeats). */
    public static String checkTokens(String pattern) {
        Scan scan = Scan.of(pattern);
        if (scan.problem != null) {
            return scan.problem;
        }
        String masked = scan.masked;
        if (masked.contains("::")) {
            return "'::' (a named predicate function) is not allowed: patterns match words and cannot call functions";
        }
        if (masked.contains("{{")) {
            return "'{{ ... }}' (an expression node) is not allowed: patterns match words and cannot evaluate expressions";
        }
        if (masked.contains("=>")) {
            return "'=>' (a value or action) is not allowed: patterns match words and cannot run actions";
        }
        if (masked.contains("&annotate")) {
            return "'&annotate' (an action) is not allowed";
        }
        for (String node : scan.nodes) {
            Matcher m = ATTRIBUTE.matcher(node);
            while (m.find()) {
                if (!ATTRIBUTES.contains(m.group(1))) {
                    return "unknown token attribute '" + m.group(1) + "' (use word, lemma or tag)";
                }
            }
        }
        String nested = nestedRepeat(scan.outside);
        if (nested != null) {
            return nested;
        }
        for (String regex : scan.regexes) {
            String problem = checkRegex(regex);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** Checks a Semgrex pattern: only its word regexes can be costly; Semgrex itself runs no code. */
    public static String checkSemgrex(String pattern) {
        Scan scan = Scan.of(pattern);
        if (scan.problem != null) {
            return scan.problem;
        }
        for (String regex : scan.regexes) {
            String problem = checkRegex(regex);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /**
     * Checks a Java regex used on one word: no backreferences, no repeated group, at most
     * {@value #MAX_UNBOUNDED} unbounded repeats in any one path through it, and at most {@value #MAX_WAYS}
     * ways for its repeats, options and alternatives to split a word of {@value #WORD_CHARS} characters.
     * The last catches stacked bounded repeats ({@code a{0,64}a{0,64}a{0,64}a{0,64}} can try 65^4 splits
     * of one word, and eight of them ran for minutes), runs of options ({@code a?a?a?...}) and sequences of
     * alternations, which multiply as a backtracking matcher tries each combination. What passes is also
     * bounded at run time ({@link BudgetedRegex}); this refuses at load what could only end there.
     */
    static String checkRegex(String regex) {
        Deque<Group> groups = new ArrayDeque<>();
        groups.push(new Group());
        double lastAtom = 1; // ways of the atom a quantifier would apply to
        boolean lastWasGroup = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            boolean wasGroup = lastWasGroup;
            lastWasGroup = false;
            switch (c) {
                case '\\' -> {
                    lastAtom = 1;
                    if (i + 1 < regex.length()) {
                        char n = regex.charAt(i + 1);
                        if ((n >= '1' && n <= '9') || n == 'k') {
                            return "word regex /" + regex + "/: backreferences are not allowed";
                        }
                        if (n == 'Q') {
                            int end = regex.indexOf("\\E", i + 2);
                            i = end < 0 ? regex.length() : end + 1;
                            continue;
                        }
                        i++;
                    }
                }
                case '[' -> {
                    i = classEnd(regex, i);
                    lastAtom = 1;
                }
                case '(' -> groups.push(new Group());
                case '|' -> groups.peek().endAlternative();
                case ')' -> {
                    if (groups.size() > 1) {
                        Group g = groups.pop();
                        groups.peek().close(g);
                        lastAtom = g.total;
                        lastWasGroup = true;
                    }
                }
                case '*', '+', '?', '{' -> {
                    if (c == '?' && i > 0 && regex.charAt(i - 1) == '(') {
                        continue; // a group construct such as (?: or (?i), not a quantifier
                    }
                    if ((c == '?' || c == '+') && i > 0 && isQuantifierEnd(regex, i - 1)) {
                        continue; // lazy or possessive suffix of the quantifier before
                    }
                    int end = i;
                    int min = c == '+' ? 1 : 0;
                    int max = c == '?' ? 1 : Integer.MAX_VALUE;
                    if (c == '{') {
                        end = regex.indexOf('}', i);
                        int[] bounds = end < 0 ? null : bounds(regex.substring(i + 1, end));
                        if (bounds == null) {
                            continue; // not a quantifier; Java will reject or take it literally
                        }
                        min = bounds[0];
                        max = bounds[1];
                    }
                    boolean unboundedRepeat = max == Integer.MAX_VALUE;
                    boolean repeats = max > 1;
                    if (wasGroup && repeats) {
                        return "word regex /" + regex + "/: a repeated group ('(...)" + c
                                + "') can backtrack without end; repeat single characters or classes only";
                    }
                    Group g = groups.peek();
                    if (unboundedRepeat && ++g.unbounded > MAX_UNBOUNDED) {
                        return "word regex /" + regex + "/: more than " + MAX_UNBOUNDED
                                + " unbounded repeats (* or +) in a row";
                    }
                    // An atom repeated min..max times (a group at most once) can take that many lengths.
                    double choices = wasGroup ? lastAtom + (min == 0 ? 1 : 0)
                            : Math.min(max, WORD_CHARS) - Math.min(min, WORD_CHARS) + 1;
                    g.ways = g.ways / Math.max(1, lastAtom) * Math.max(1, choices);
                    lastAtom = choices;
                    i = end;
                }
                default -> lastAtom = 1;
            }
        }
        while (groups.size() > 1) { // unclosed groups: Java rejects the regex later; still count
            Group g = groups.pop();
            groups.peek().close(g);
        }
        Group whole = groups.pop();
        whole.endAlternative();
        double ways = whole.total;
        if (whole.maxUnbounded > MAX_UNBOUNDED) {
            return "word regex /" + regex + "/: more than " + MAX_UNBOUNDED + " unbounded repeats (* or +) in a row";
        }
        if (ways > MAX_WAYS) {
            return "word regex /" + regex + "/: its repeats, options and alternatives can split a word in about "
                    + String.format(java.util.Locale.ROOT, "%.1e", ways) + " ways (stacked repeats like 'a{0,64}a{0,64}' "
                    + "multiply), more than " + MAX_WAYS + "; use fewer or narrower repeats";
        }
        return null;
    }

    /** {@code m,n}, {@code m,} or {@code n} as [min, max] (max {@link Integer#MAX_VALUE} when open), or null. */
    private static int[] bounds(String body) {
        String b = body.strip();
        if (!b.matches("\\d{1,9}(,\\d{0,9})?")) {
            return null;
        }
        int comma = b.indexOf(',');
        if (comma < 0) {
            int n = Integer.parseInt(b);
            return new int[] {n, n};
        }
        int min = Integer.parseInt(b.substring(0, comma));
        String rest = b.substring(comma + 1);
        return new int[] {min, rest.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(rest)};
    }

    /**
     * One open group of a word regex while it is checked: unbounded repeats and ways in its current
     * alternative; over its finished alternatives, the most unbounded repeats (alternatives are tried one
     * after another, so 'a+b+|c+d+' costs like 'a+b+') and the sum of ways (each one is tried).
     */
    private static final class Group {
        int unbounded;
        int maxUnbounded;
        double ways = 1;
        double total;

        /** Ends the current alternative ('|' or the closing parenthesis). */
        void endAlternative() {
            maxUnbounded = Math.max(maxUnbounded, unbounded);
            unbounded = 0;
            total += ways;
            ways = 1;
        }

        /** Closes {@code inner}, a group within this one's current alternative. */
        void close(Group inner) {
            inner.endAlternative();
            unbounded += inner.maxUnbounded;
            ways *= inner.total;
        }
    }

    private static boolean isQuantifierEnd(String regex, int i) {
        char p = regex.charAt(i);
        if (p != '*' && p != '+' && p != '?' && p != '}') {
            return false;
        }
        int backslashes = 0;
        for (int j = i - 1; j >= 0 && regex.charAt(j) == '\\'; j--) {
            backslashes++;
        }
        return backslashes % 2 == 0 && !(p == '?' && i > 0 && regex.charAt(i - 1) == '(');
    }

    private static int classEnd(String regex, int start) {
        int depth = 0;
        for (int i = start; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && i > start + 1 || c == ']' && depth > 1) {
                if (--depth == 0) {
                    return i;
                }
            }
        }
        return regex.length();
    }

    /**
     * In the sequence-level structure (nodes and regexes masked out), finds a repeat applied to a group
     * that itself holds a repeat, such as {@code ([]*)*} or {@code ([]{0,3}){0,5}}.
     */
    private static String nestedRepeat(String outside) {
        Deque<Boolean> groups = new ArrayDeque<>();
        boolean lastGroupRepeats = false;
        boolean afterGroup = false;
        for (int i = 0; i < outside.length(); i++) {
            char c = outside.charAt(i);
            if (Character.isWhitespace(c)) {
                continue; // TokensRegex ignores spaces between a group and its repeat
            }
            boolean wasGroup = afterGroup;
            afterGroup = false;
            switch (c) {
                case '(' -> {
                    groups.push(false);
                    if (i + 1 < outside.length() && outside.charAt(i + 1) == '?') {
                        i++; // (?: or (?$name
                    }
                }
                case ')' -> {
                    lastGroupRepeats = !groups.isEmpty() && groups.pop();
                    afterGroup = true;
                    if (lastGroupRepeats && !groups.isEmpty()) {
                        groups.pop();
                        groups.push(true);
                    }
                }
                case '*', '+', '?', '{' -> {
                    int end = i;
                    boolean repeats = c != '?';
                    if (c == '{') {
                        end = outside.indexOf('}', i);
                        if (end < 0) {
                            end = outside.length() - 1;
                        }
                        String body = outside.substring(i + 1, end).replace(" ", "");
                        repeats = !(body.equals("0,1") || body.equals("1") || body.equals("0") || body.equals("1,1"));
                    }
                    if (wasGroup && lastGroupRepeats && repeats) {
                        return "a repeat of a group that holds a repeat (like '([]*)*' or '([]{0,3}){0,5}') "
                                + "can take exponential time; write the repeat once";
                    }
                    if (!groups.isEmpty()) {
                        groups.pop();
                        groups.push(true);
                    }
                    if (end + 1 < outside.length() && outside.charAt(end + 1) == '?') {
                        end++; // reluctant suffix
                    }
                    i = end;
                }
                default -> {
                }
            }
        }
        return null;
    }

    /**
     * Splits a TokensRegex or Semgrex pattern into: the regexes ({@code /.../}), the node texts
     * ({@code [...]} and top-level {@code {...}} with regexes and strings blanked), and the structure
     * outside nodes (with every node replaced by {@code N}).
     */
    private static final class Scan {
        final List<String> regexes = new ArrayList<>();
        final List<String> nodes = new ArrayList<>();
        String masked;
        String outside;
        String problem;

        static Scan of(String pattern) {
            Scan s = new Scan();
            if (pattern.length() > MAX_LENGTH) {
                s.problem = "the pattern is longer than " + MAX_LENGTH + " characters; use a lexicon for long word lists";
                return s;
            }
            int nesting = 0;
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '(' || c == '[' || c == '{') {
                    if (++nesting > MAX_NESTING) {
                        s.problem = "brackets nested deeper than " + MAX_NESTING + " levels";
                        return s;
                    }
                } else if (c == ')' || c == ']' || c == '}') {
                    nesting = Math.max(0, nesting - 1);
                }
            }
            StringBuilder masked = new StringBuilder(pattern.length());
            StringBuilder outside = new StringBuilder(pattern.length());
            StringBuilder node = null;
            int depth = 0; // nesting of [ ] and { } that make up a node
            char prev = ' ';
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '/' ) {
                    int end = i + 1;
                    StringBuilder regex = new StringBuilder();
                    while (end < pattern.length() && pattern.charAt(end) != '/') {
                        if (pattern.charAt(end) == '\\' && end + 1 < pattern.length() && pattern.charAt(end + 1) == '/') {
                            regex.append('/');
                            end += 2;
                            continue;
                        }
                        regex.append(pattern.charAt(end));
                        end++;
                    }
                    if (end >= pattern.length()) {
                        s.problem = "unterminated regex (a '/' without its closing '/')";
                        return s;
                    }
                    s.regexes.add(regex.toString());
                    masked.append("/R/");
                    if (node != null) {
                        node.append("/R/");
                    } else {
                        outside.append('N');
                    }
                    i = end;
                    prev = 'N';
                    continue;
                }
                if (c == '"') {
                    int end = i + 1;
                    while (end < pattern.length() && pattern.charAt(end) != '"') {
                        end += pattern.charAt(end) == '\\' ? 2 : 1;
                    }
                    masked.append("\"S\"");
                    if (node != null) {
                        node.append("\"S\"");
                    } else {
                        outside.append('N');
                    }
                    i = Math.min(end, pattern.length());
                    prev = 'N';
                    continue;
                }
                masked.append(c);
                boolean opensNode = c == '[' || (c == '{' && (depth > 0 || !isQuantifierStart(prev)));
                if (opensNode) {
                    if (depth == 0) {
                        node = new StringBuilder();
                    }
                    depth++;
                    node.append(c);
                } else if (depth > 0) {
                    node.append(c);
                    if (c == ']' || c == '}') {
                        depth--;
                        if (depth == 0) {
                            s.nodes.add(node.toString());
                            node = null;
                            outside.append('N');
                            prev = 'N';
                        }
                    }
                    continue;
                } else {
                    outside.append(c);
                }
                if (!Character.isWhitespace(c)) {
                    prev = c;
                }
            }
            s.masked = masked.toString();
            s.outside = outside.toString();
            return s;
        }

        /** A '{' right after a node, a group or a variable is a repeat count; elsewhere it opens a node. */
        private static boolean isQuantifierStart(char prev) {
            return prev == 'N' || prev == ')' || Character.isLetterOrDigit(prev) || prev == '_';
        }
    }
}
