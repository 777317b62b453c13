package io.github.changetalk.internal.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.parser.nndep.DependencyParser;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.pipeline.TokenizerAnnotator;
import edu.stanford.nlp.util.CoreMap;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CancellationException;

/**
 * The CoreNLP side: one tokenize/pos/lemma pipeline shared by all threads (each call gets its own
 * {@link Annotation}), and the dependency parser, loaded only when some rule needs it and run only on
 * sentences some dependency rule could match. Thread-safe.
 */
public final class Analyzer {
    /** Tokenize and split; then {@link LongInput} bounds the sentences; then {@link #tagger} tags and lemmatizes. */
    private final StanfordCoreNLP splitter;
    private final StanfordCoreNLP tagger;
    /** Tokenizer for lexicon entries; needs no model, so it is shared and built once. */
    private static final TokenizerAnnotator ENTRY_TOKENIZER = new TokenizerAnnotator(false, "en");
    private final ParserLoader parser;
    private final int maxParseTokens;
    private final int maxSentenceTokens;

    /**
     * @param needParser     whether any rule uses dependency patterns; if not, the parser is never constructed
     * @param maxParseTokens sentences longer than this are not parsed (their dependency rules do not apply)
     * @param numPreComputed the parser's precomputed-embedding cache size; -1 for CoreNLP's default
     */
    public Analyzer(boolean needParser, int maxParseTokens, int numPreComputed) {
        this(needParser, maxParseTokens, numPreComputed, DEFAULT_MAX_SENTENCE_TOKENS);
    }

    /** Sentences longer than this are tagged and matched in pieces of this many tokens. */
    public static final int DEFAULT_MAX_SENTENCE_TOKENS = 250;

    /** @param maxSentenceTokens sentences longer than this are cut into pieces before tagging */
    public Analyzer(boolean needParser, int maxParseTokens, int numPreComputed, int maxSentenceTokens) {
        // Start the slow parser load first so that it overlaps with the tagger load.
        this.parser = needParser ? ParserLoader.startInBackground(numPreComputed) : null;
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit");
        props.setProperty("tokenize.language", "en");
        this.splitter = new StanfordCoreNLP(props, false);
        Properties tagProps = new Properties();
        tagProps.setProperty("annotators", "pos,lemma");
        this.tagger = new StanfordCoreNLP(tagProps, false); // requirements are met by the splitter's output
        this.maxParseTokens = maxParseTokens;
        this.maxSentenceTokens = maxSentenceTokens;
    }

    /** Tokenizes, splits, tags and lemmatizes; parsing happens later, per sentence, on demand. */
    public List<SentenceView> analyze(String text) {
        Annotation annotation = new Annotation(text);
        splitter.annotate(annotation);
        List<CoreMap> split = annotation.get(CoreAnnotations.SentencesAnnotation.class);
        if (split == null || split.isEmpty()) {
            return List.of();
        }
        LongInput.Prepared prepared = LongInput.prepare(text, split, maxSentenceTokens);
        tagInBatches(text, prepared.sentences());
        List<SentenceView> out = new ArrayList<>(prepared.sentences().size());
        for (CoreMap s : prepared.sentences()) {
            out.add(new AnalyzedSentence(s, s.get(CoreAnnotations.TokensAnnotation.class), this, prepared.noticesOf(s)));
        }
        return out;
    }

    /**
     * Tags and lemmatizes about {@value #BATCH_TOKENS} tokens at a time, checking between batches whether
     * the calling thread was interrupted, so that cancelling a call on a huge text takes effect quickly.
     */
    private void tagInBatches(String text, List<CoreMap> sentences) {
        int from = 0;
        while (from < sentences.size()) {
            int to = from;
            int tokens = 0;
            while (to < sentences.size() && (to == from || tokens < BATCH_TOKENS)) {
                tokens += sentences.get(to).get(CoreAnnotations.TokensAnnotation.class).size();
                to++;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("classification interrupted");
            }
            Annotation batch = new Annotation(text);
            batch.set(CoreAnnotations.SentencesAnnotation.class, sentences.subList(from, to));
            tagger.annotate(batch);
            from = to;
        }
    }

    private static final int BATCH_TOKENS = 1000;

    /** Tokenizes a lexicon entry exactly as sentences are tokenized. */
    public static List<String> tokenizeEntry(String phrase) {
        List<String> words = new ArrayList<>();
        for (CoreLabel t : ENTRY_TOKENIZER.getTokenizer(new StringReader(phrase)).tokenize()) {
            words.add(t.word());
        }
        return words;
    }

    DependencyParser parser() {
        if (parser == null) {
            throw new IllegalStateException("no dependency rules are loaded, so no parser was built");
        }
        return parser.get();
    }

    int maxParseTokens() {
        return maxParseTokens;
    }

    public boolean hasParser() {
        return parser != null;
    }

    /** How many dependency parsers this JVM has constructed; tests use it to prove the parser is never built. */
    public static int parserLoads() {
        return ParserLoader.loads();
    }
}
