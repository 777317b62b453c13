package io.github.changetalk;

/**
 * A rule pack that cannot be loaded: bad YAML, an unknown key, a pattern that does not compile, an
 * unknown lexicon, a duplicate id, missing examples... The message is one line that names the file,
 * the line and (where there is one) the rule id: {@code rules/desire.yaml:42: rule DESIRE_WANT: ...}.
 */
public final class RulePackException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String ruleId;
    private final String detail;

    public RulePackException(String source, int line, String ruleId, String detail) {
        super(format(source, line, ruleId, detail));
        this.source = source;
        this.line = line;
        this.ruleId = ruleId;
        this.detail = detail;
    }

    private static String format(String source, int line, String ruleId, String detail) {
        StringBuilder b = new StringBuilder(source);
        if (line > 0) {
            b.append(':').append(line);
        }
        b.append(": ");
        if (ruleId != null) {
            b.append("rule ").append(ruleId).append(": ");
        }
        return b.append(detail.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip()).toString();
    }

    /** The pack's file path, classpath resource or given name. */
    public String source() {
        return source;
    }

    /** The 1-based line in the pack, or 0 when the problem is with the pack as a whole. */
    public int line() {
        return line;
    }

    /** The rule concerned, or null. */
    public String ruleId() {
        return ruleId;
    }

    /** What is wrong, without the location. */
    public String detail() {
        return detail;
    }
}
