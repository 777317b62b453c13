package io.github.changetalk.internal.pack;

/** The two pattern languages a rule can use. */
public enum PatternType {
    /** CoreNLP TokensRegex over word, lemma and tag. */
    TOKENS,
    /** CoreNLP Semgrex over a dependency graph. */
    DEPENDENCY
}
