package io.github.changetalk.internal.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;
import io.github.changetalk.Notice;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bounds what the tagger and the matchers see, between tokenizing and tagging. CoreNLP has no option to
 * cap sentence length (its {@code pos.maxlen} leaves long sentences untagged) and its tagger and
 * TokensRegex matcher grow faster than linearly with sentence length (a 20,000-token run with no
 * punctuation took seconds and hundreds of megabytes); so a sentence longer than the cap is cut into
 * pieces before tagging. Tokens with absurd lengths (a 1 MB line with no spaces is one token) are cut
 * too, so that no word regex ever runs over megabytes. Character offsets are never changed, so results
 * still point into the caller's text.
 */
final class LongInput {
    /** No spoken word is this long; a longer token is noise (a URL, a hash, a run of keys). */
    static final int MAX_TOKEN_CHARS = 128;

    private LongInput() {
    }

    /**
     * Cuts over-long tokens and splits over-long sentences in place in {@code sentences}; returns the
     * new sentence list and, per sentence that needed it, the notices to report.
     */
    static Prepared prepare(String text, List<CoreMap> sentences, int maxSentenceTokens) {
        Map<CoreMap, List<Notice>> notices = new IdentityHashMap<>();
        List<CoreMap> out = new ArrayList<>(sentences.size());
        for (CoreMap s : sentences) {
            List<CoreLabel> tokens = s.get(CoreAnnotations.TokensAnnotation.class);
            if (tokens == null || tokens.isEmpty()) {
                continue;
            }
            int longTokens = 0;
            int longest = 0;
            for (CoreLabel t : tokens) {
                String w = t.word();
                if (w != null && w.length() > MAX_TOKEN_CHARS) {
                    longTokens++;
                    longest = Math.max(longest, w.length());
                    int cut = Character.isHighSurrogate(w.charAt(MAX_TOKEN_CHARS - 1)) ? MAX_TOKEN_CHARS - 1 : MAX_TOKEN_CHARS;
                    t.setWord(w.substring(0, cut));
                    t.setValue(t.word());
                }
            }
            List<Notice> own = new ArrayList<>(2);
            if (longTokens > 0) {
                own.add(new Notice("long-token", longTokens + " token(s) longer than " + MAX_TOKEN_CHARS
                        + " characters (longest " + longest + ") were cut to " + MAX_TOKEN_CHARS
                        + " for tagging and matching"));
            }
            if (tokens.size() <= maxSentenceTokens) {
                out.add(s);
                if (!own.isEmpty()) {
                    notices.put(s, own);
                }
                continue;
            }
            int pieces = (tokens.size() + maxSentenceTokens - 1) / maxSentenceTokens;
            Notice split = new Notice("split", "a sentence of " + tokens.size() + " tokens was cut into " + pieces
                    + " pieces of at most " + maxSentenceTokens + " tokens; patterns do not match across pieces");
            Integer tokenBase = s.get(CoreAnnotations.TokenBeginAnnotation.class);
            for (int from = 0; from < tokens.size(); from += maxSentenceTokens) {
                int to = Math.min(tokens.size(), from + maxSentenceTokens);
                List<CoreLabel> part = new ArrayList<>(tokens.subList(from, to));
                for (int i = 0; i < part.size(); i++) {
                    part.get(i).setIndex(i + 1); // the parser reads 1-based indices within the sentence
                }
                int begin = part.get(0).beginPosition();
                int end = part.get(part.size() - 1).endPosition();
                CoreMap piece = new ArrayCoreMap(8);
                piece.set(CoreAnnotations.TokensAnnotation.class, part);
                piece.set(CoreAnnotations.CharacterOffsetBeginAnnotation.class, begin);
                piece.set(CoreAnnotations.CharacterOffsetEndAnnotation.class, end);
                piece.set(CoreAnnotations.TextAnnotation.class,
                        begin >= 0 && end <= text.length() && begin <= end ? text.substring(begin, end) : "");
                if (tokenBase != null) {
                    piece.set(CoreAnnotations.TokenBeginAnnotation.class, tokenBase + from);
                    piece.set(CoreAnnotations.TokenEndAnnotation.class, tokenBase + to);
                }
                List<Notice> pieceNotices = new ArrayList<>(own);
                pieceNotices.add(split);
                notices.put(piece, pieceNotices);
                out.add(piece);
            }
        }
        for (int i = 0; i < out.size(); i++) {
            out.get(i).set(CoreAnnotations.SentenceIndexAnnotation.class, i);
            for (CoreLabel t : out.get(i).get(CoreAnnotations.TokensAnnotation.class)) {
                t.setSentIndex(i);
            }
        }
        return new Prepared(out, notices);
    }

    record Prepared(List<CoreMap> sentences, Map<CoreMap, List<Notice>> notices) {
        List<Notice> noticesOf(CoreMap sentence) {
            return notices.getOrDefault(sentence, List.of());
        }
    }
}
