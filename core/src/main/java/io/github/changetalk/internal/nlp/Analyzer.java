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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The CoreNLP side: a tokenize/ssplit pipeline and a pos/lemma pipeline shared by all threads (each
 * call gets its own {@link Annotation}), and the dependency parser, loaded only when some rule needs
 * it and run only on sentences some dependency rule could match. Thread-safe.
 *
 * <p>The parser loads in the background, either at once (eager) or, on demand, as soon as a text is
 * tokenized that could hold the trigger of a dependency pattern: then a one-line input with no such
 * word never loads it, and one with such a word overlaps the load with loading the tagger.
 */
public final class Analyzer {
    /** Tokenizer for lexicon entries; needs no model, so it is shared and built once. */
    private static final TokenizerAnnotator ENTRY_TOKENIZER = new TokenizerAnnotator(false, "en");

    /** Sentences longer than this are tagged and matched in pieces of this many tokens. */
    public static final int DEFAULT_MAX_SENTENCE_TOKENS = 250;

    /**
     * How an analyzer tags and parses. {@code parser}: whether any rule uses a dependency pattern (if not,
     * the parser is never built). {@code maxParseTokens}: longer sentences are not parsed (their dependency
     * rules do not apply). {@code parserPrecompute}: the parser's precomputed-embedding cache, -1 for
     * CoreNLP's default. {@code maxSentenceTokens}: longer sentences are tagged and matched in pieces.
     * {@code parseOnDemand}: null to start loading the parser at once; otherwise it loads in the background
     * as soon as a tokenized sentence passes this test (or at the first parse, whichever comes first).
     */
    public record Options(boolean parser, int maxParseTokens, int parserPrecompute, int maxSentenceTokens,
                          Predicate<List<CoreLabel>> parseOnDemand) {
        /** A parser loaded at once, sentences of up to 150 tokens parsed, CoreNLP's precompute, pieces of 250 tokens. */
        public static final Options DEFAULTS = new Options(true, 150, -1, DEFAULT_MAX_SENTENCE_TOKENS, null);

        /** The same options without a dependency parser. */
        public Options withoutParser() {
            return new Options(false, maxParseTokens, parserPrecompute, maxSentenceTokens, parseOnDemand);
        }
    }

    /** Tokenize and split; then {@link LongInput} bounds the sentences; then {@link #tagger} tags and lemmatizes. */
    private final StanfordCoreNLP tokenizer;
    private final CompletableFuture<StanfordCoreNLP> tagger;
    private final ParserLoader parser;
    private final Predicate<List<CoreLabel>> parseOnDemand; // non-null: the parser starts loading when a sentence passes
    private final int maxParseTokens;
    private final int maxSentenceTokens;

    /**
     * @param tagger         the tagging pipeline, perhaps still loading ({@link #loadTaggerInBackground()}, started
     *                       by the caller before compiling the rules so that the two overlap)
     * @param onDemandParser when not null and the parser loads on demand, the loader to use ({@link #parserLoader},
     *                       perhaps started already)
     */
    public Analyzer(Options options, CompletableFuture<StanfordCoreNLP> tagger, ParserLoader onDemandParser) {
        // Start the slow parser load first so that it overlaps with the tagger load.
        boolean onDemand = options.parseOnDemand() != null;
        this.parser = !options.parser() ? null
                : !onDemand ? ParserLoader.startInBackground(options.parserPrecompute())
                : onDemandParser != null ? onDemandParser : ParserLoader.onDemand(options.parserPrecompute());
        this.parseOnDemand = options.parseOnDemand();
        this.tokenizer = pipeline("tokenize,ssplit");
        this.tagger = tagger;
        this.maxParseTokens = options.maxParseTokens();
        this.maxSentenceTokens = options.maxSentenceTokens();
    }

    /**
     * An analyzer with these options whose tagger loads now, or in the background when the parser loads
     * on demand (a short input may then be answered before either model is needed).
     */
    public static Analyzer load(Options options) {
        return new Analyzer(options, options.parseOnDemand() != null ? loadTaggerInBackground()
                : CompletableFuture.completedFuture(pipeline("pos,lemma")), null);
    }

    /**
     * Starts loading the tagger and lemmatizer (every input needs them; about 0.7 s) on a daemon thread.
     * A failure is reported when the tagger is first used.
     */
    public static CompletableFuture<StanfordCoreNLP> loadTaggerInBackground() {
        return CompletableFuture.supplyAsync(() -> pipeline("pos,lemma"), Analyzer::daemon);
    }

    /** A parser loader that loads nothing until started, for {@link #Analyzer(Options, CompletableFuture, ParserLoader)}. */
    public static ParserLoader parserLoader(int numPreComputed) {
        return ParserLoader.onDemand(numPreComputed);
    }

    /**
     * The tokens of the first {@value #SAMPLE_CHARS} characters of a text, untagged: enough to tell, before
     * any model has loaded, which models the text may need.
     */
    public static List<CoreLabel> sampleTokens(String text) {
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        return ENTRY_TOKENIZER.getTokenizer(new StringReader(sample)).tokenize();
    }

    private static final int SAMPLE_CHARS = 2_000;

    /** Waits for the tagger to load, failing as a tagger load failure would. */
    public void awaitTagger() {
        taggerPipeline();
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "changetalk-tagger-load");
        t.setDaemon(true);
        t.start();
    }

    private static StanfordCoreNLP pipeline(String annotators) {
        Properties props = new Properties();
        props.setProperty("annotators", annotators);
        props.setProperty("tokenize.language", "en");
        return new StanfordCoreNLP(props, false);
    }

    /** Tokenizes, splits, tags and lemmatizes; parsing happens later, per sentence, on demand. */
    public List<SentenceView> analyze(String text) {
        return analyze(text, null);
    }

    /**
     * As {@link #analyze(String)}, but while the tagger is still loading, a sentence whose untagged tokens
     * fail {@code needsTags} is left untagged ({@link SentenceView#tagged()} false): the caller knows that
     * no rule could match it. If no sentence needs tags the tagger is not waited for, so that a short
     * input of such sentences is answered at once. Once the tagger is loaded every sentence is tagged:
     * tagging the few such sentences then costs less than asking about every sentence. Null tags every
     * sentence.
     */
    public List<SentenceView> analyze(String text, Predicate<List<CoreLabel>> needsTags) {
        if (needsTags != null && tagger.isDone()) {
            needsTags = null;
        }
        boolean timed = Instrumentation.enabled();
        long t0 = timed ? System.nanoTime() : 0;
        Annotation annotation = new Annotation(text);
        tokenizer.annotate(annotation);
        List<CoreMap> split = annotation.get(CoreAnnotations.SentencesAnnotation.class);
        List<SentenceView> out = new ArrayList<>(split == null ? 0 : split.size());
        long screened = 0; // in needsTags: rule work, counted as matching by the instrumentation
        if (split != null && !split.isEmpty()) {
            if (parser != null && parseOnDemand != null && !parser.started() && mayNeedParser(split)) {
                parser.start();
            }
            LongInput.Prepared prepared = LongInput.prepare(text, split, maxSentenceTokens);
            List<CoreMap> sentences = prepared.sentences();
            List<CoreMap> toTag = sentences;
            boolean[] untagged = new boolean[sentences.size()];
            if (needsTags != null) {
                long s0 = timed ? System.nanoTime() : 0;
                toTag = new ArrayList<>(sentences.size());
                for (int i = 0; i < sentences.size(); i++) {
                    if (needsTags.test(sentences.get(i).get(CoreAnnotations.TokensAnnotation.class))) {
                        toTag.add(sentences.get(i));
                    } else {
                        untagged[i] = true;
                    }
                }
                screened = timed ? System.nanoTime() - s0 : 0;
            }
            if (!toTag.isEmpty()) {
                tagInBatches(text, toTag);
            }
            for (int i = 0; i < sentences.size(); i++) {
                CoreMap s = sentences.get(i);
                out.add(new AnalyzedSentence(s, s.get(CoreAnnotations.TokensAnnotation.class), this, prepared.noticesOf(s),
                        !untagged[i]));
            }
        }
        if (timed) {
            Instrumentation.nlp(System.nanoTime() - t0 - screened);
            Instrumentation.screened(screened);
        }
        return out;
    }

    /**
     * As {@link #analyze(String, Predicate)}, for a reader that may stop before the last sentence: the text is
     * tokenized and split now, and each sentence is tagged only when its supplier is first called (a sentence
     * that fails {@code needsTags} while the tagger loads is left untagged, as there). A sentence tagged alone
     * gets the tags and lemmas it gets among the others: the tagger and the lemmatizer read one sentence at a
     * time. Each supplier belongs to the calling thread.
     */
    public List<Supplier<SentenceView>> analyzeLazily(String text, Predicate<List<CoreLabel>> needsTags) {
        Predicate<List<CoreLabel>> screen = needsTags != null && tagger.isDone() ? null : needsTags;
        Annotation annotation = new Annotation(text);
        tokenizer.annotate(annotation);
        List<CoreMap> split = annotation.get(CoreAnnotations.SentencesAnnotation.class);
        if (split == null || split.isEmpty()) {
            return List.of();
        }
        if (parser != null && parseOnDemand != null && !parser.started() && mayNeedParser(split)) {
            parser.start();
        }
        LongInput.Prepared prepared = LongInput.prepare(text, split, maxSentenceTokens);
        List<Supplier<SentenceView>> out = new ArrayList<>(prepared.sentences().size());
        for (CoreMap s : prepared.sentences()) {
            out.add(new Supplier<>() {
                private SentenceView view;

                @Override
                public SentenceView get() {
                    if (view == null) {
                        List<CoreLabel> tokens = s.get(CoreAnnotations.TokensAnnotation.class);
                        boolean tag = screen == null || screen.test(tokens);
                        if (tag) {
                            long t0 = Instrumentation.enabled() ? System.nanoTime() : 0;
                            tagInBatches(text, List.of(s));
                            if (t0 != 0) {
                                Instrumentation.nlp(System.nanoTime() - t0);
                            }
                        }
                        view = new AnalyzedSentence(s, tokens, Analyzer.this, prepared.noticesOf(s), tag);
                    }
                    return view;
                }
            });
        }
        return out;
    }

    /**
     * Tags and lemmatizes about {@value #BATCH_TOKENS} tokens at a time, checking between batches whether
     * the calling thread was interrupted, so that cancelling a call on a huge text takes effect quickly.
     */
    private void tagInBatches(String text, List<CoreMap> sentences) {
        StanfordCoreNLP pipeline = taggerPipeline();
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
            pipeline.annotate(batch);
            from = to;
        }
    }

    private static final int BATCH_TOKENS = 1000;

    private boolean mayNeedParser(List<CoreMap> sentences) {
        for (CoreMap s : sentences) {
            List<CoreLabel> tokens = s.get(CoreAnnotations.TokensAnnotation.class);
            if (tokens == null) {
                continue;
            }
            if (parseOnDemand.test(tokens)) {
                return true;
            }
        }
        return false;
    }

    private StanfordCoreNLP taggerPipeline() {
        try {
            return tagger.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        }
    }

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

    /** Whether the parser has started loading (always, when eager; on demand, once some text needed it). */
    public boolean parserStarted() {
        return parser != null && parser.started();
    }

    /** How many dependency parsers this JVM has constructed; tests use it to prove the parser is never built. */
    public static int parserLoads() {
        return ParserLoader.loads();
    }
}
