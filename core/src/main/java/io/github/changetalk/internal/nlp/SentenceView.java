package io.github.changetalk.internal.nlp;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.semgraph.SemanticGraph;
import io.github.changetalk.Notice;
import io.github.changetalk.internal.pack.GraphKind;
import java.util.List;

/**
 * One analyzed sentence as the matcher sees it. Implementations parse lazily: {@link #graph} runs the
 * dependency parser on first call, so a sentence no dependency rule could match is never parsed.
 * Not thread-safe: a view belongs to one call at a time, the call that made it or the one it was handed on to
 * once that call was done with it (a counselor turn's analysis, for the client turn after it).
 */
public interface SentenceView {
    /** Tokens with word, lemma, tag and character offsets into the utterance text. */
    List<CoreLabel> tokens();

    /**
     * False when the sentence was left untagged because no rule could match it (see
     * {@link Analyzer#analyze(String, java.util.function.Predicate)}): its tokens have no tag or lemma,
     * and it is not to be matched.
     */
    default boolean tagged() {
        return true;
    }

    /** The dependency graph of the given kind, parsing on first use; null when the sentence cannot be parsed. */
    SemanticGraph graph(GraphKind kind);

    /** Whether the dependency parser has run on this sentence. */
    boolean parsed();

    /** Why something could not be done for this sentence (e.g. too long to parse). */
    List<Notice> notices();
}
