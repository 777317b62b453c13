package io.github.changetalk;

/** A token as the analyzer saw it: 1-based index (as in the dependency graph), word, lemma, POS tag, character offsets. */
public record TokenInfo(int index, String word, String lemma, String tag, int begin, int end) {
}
