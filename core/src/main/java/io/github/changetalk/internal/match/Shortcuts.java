package io.github.changetalk.internal.match;

import edu.stanford.nlp.ling.CoreLabel;
import io.github.changetalk.internal.compile.CompiledPattern;
import io.github.changetalk.internal.compile.RuleSet;
import io.github.changetalk.internal.compile.Span;
import io.github.changetalk.internal.compile.StepBudget;
import io.github.changetalk.internal.nlp.SentenceView;
import java.util.List;
import java.util.Optional;

/**
 * The one seam between matching and the machinery that makes it fast. The matcher asks it which rules
 * of a sentence are worth trying and lets it find a pattern's match; the engine asks it, before tagging,
 * whether any rule could match a sentence at all. {@link #none} answers the plain way (every rule, every
 * pattern by its own matcher), and reading the matcher with it in mind is reading the whole behaviour:
 * the shortcuts ({@code internal.shortcut.TriggerGate}) only skip what cannot match and find the same
 * matches faster, which a test checks on every testdata sentence.
 *
 * <p>Implementations are immutable and shared by all threads; what they know about one sentence
 * ({@link OnSentence}) belongs to the call that asked.
 */
public interface Shortcuts {
    /** No shortcut for these rules: every rule is tried on every sentence, every pattern run by its own matcher. */
    static Shortcuts none(RuleSet rules) {
        return new None(rules.rules().size());
    }

    /**
     * Whether some rule could match a sentence with these tokens once they are tagged (words only, no tags
     * or lemmas yet). False must be exact; it lets the engine leave the sentence untagged. Rules with a
     * {@code context:} count only {@code afterCounselorTurn}.
     */
    boolean couldMatch(List<CoreLabel> untaggedTokens, boolean afterCounselorTurn);

    /** What can be skipped on this sentence; asked once per sentence of a call. */
    OnSentence on(SentenceView sentence);

    /** The words of which a sentence must hold one for rule {@code rule} to be tried, for explanations; empty when any sentence may be. */
    List<String> triggerWords(int rule);

    /** The shortcuts' answers for one sentence. Not thread-safe: it belongs to one call. */
    interface OnSentence {
        /** The positions of the rules worth trying, ascending; no other rule can match the sentence. */
        int[] candidates();

        /**
         * The first match of {@code pattern}, which is slot {@code slot} of rule {@code rule} (slots as
         * {@code CompiledRule} numbers them): the match the pattern's own matcher would find, or empty.
         */
        Optional<Span> find(CompiledPattern pattern, int rule, int slot, StepBudget budget);
    }

    /** The plain answers: every rule, every pattern by its own matcher, every sentence tagged. */
    record None(int ruleCount) implements Shortcuts {
        @Override
        public boolean couldMatch(List<CoreLabel> untaggedTokens, boolean afterCounselorTurn) {
            return true;
        }

        @Override
        public OnSentence on(SentenceView sentence) {
            return new OnSentence() {
                @Override
                public int[] candidates() {
                    int[] all = new int[ruleCount];
                    java.util.Arrays.setAll(all, i -> i);
                    return all;
                }

                @Override
                public Optional<Span> find(CompiledPattern pattern, int rule, int slot, StepBudget budget) {
                    return pattern.find(sentence, budget);
                }
            };
        }

        @Override
        public List<String> triggerWords(int rule) {
            return List.of();
        }
    }
}
