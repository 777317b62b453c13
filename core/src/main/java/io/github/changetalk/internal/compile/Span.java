package io.github.changetalk.internal.compile;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.List;

/** The tokens a pattern matched, as 0-based token indices in ascending order. */
public record Span(List<Integer> tokens) {
    public Span {
        tokens = List.copyOf(tokens);
    }

    /** The tokens from {@code start} (inclusive) to {@code end} (exclusive). */
    public static Span range(int start, int end) {
        Integer[] idx = new Integer[end - start];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = start + i;
        }
        return new Span(List.of(idx));
    }

    public int begin(List<CoreLabel> sentence) {
        return sentence.get(tokens.get(0)).beginPosition();
    }

    public int end(List<CoreLabel> sentence) {
        return sentence.get(tokens.get(tokens.size() - 1)).endPosition();
    }

    /** The matched words: the original text when contiguous, else the words joined by spaces. */
    public String text(List<CoreLabel> sentence, String utterance) {
        boolean contiguous = tokens.get(tokens.size() - 1) - tokens.get(0) == tokens.size() - 1;
        if (contiguous && utterance != null) {
            int b = begin(sentence);
            int e = end(sentence);
            if (b >= 0 && e <= utterance.length() && b <= e) {
                return utterance.substring(b, e);
            }
        }
        StringBuilder s = new StringBuilder();
        for (int i : tokens) {
            if (!s.isEmpty()) {
                s.append(' ');
            }
            s.append(sentence.get(i).word());
        }
        return s.toString();
    }
}
