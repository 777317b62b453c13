package io.github.changetalk.internal.nlp;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.parser.nndep.DependencyParser;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphFactory;
import edu.stanford.nlp.trees.GrammaticalStructure;
import edu.stanford.nlp.util.CoreMap;
import io.github.changetalk.Notice;
import io.github.changetalk.internal.pack.GraphKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A sentence from the real pipeline; parses on first demand, builds only the graphs asked for. */
final class AnalyzedSentence implements SentenceView {
    private final CoreMap sentence;
    private final List<CoreLabel> tokens;
    private final Analyzer analyzer;
    private final boolean tagged;
    private final List<Notice> notices = new ArrayList<>(1);
    private GrammaticalStructure structure;
    private boolean parseTried;
    private final Map<GraphKind, SemanticGraph> graphs = new EnumMap<>(GraphKind.class);

    AnalyzedSentence(CoreMap sentence, List<CoreLabel> tokens, Analyzer analyzer, List<Notice> notices, boolean tagged) {
        this.notices.addAll(notices);
        this.tagged = tagged;
        this.sentence = sentence;
        this.tokens = tokens;
        this.analyzer = analyzer;
    }

    CoreMap coreMap() {
        return sentence;
    }

    @Override
    public List<CoreLabel> tokens() {
        return tokens;
    }

    @Override
    public boolean tagged() {
        return tagged;
    }

    @Override
    public SemanticGraph graph(GraphKind kind) {
        SemanticGraph g = graphs.get(kind);
        if (g != null) {
            return g;
        }
        if (!parseTried) {
            parseTried = true;
            if (tokens.size() > analyzer.maxParseTokens()) {
                notices.add(new Notice("not-parsed", "sentence has " + tokens.size()
                        + " tokens, over the parse limit of " + analyzer.maxParseTokens()
                        + "; dependency rules were not applied"));
            } else {
                DependencyParser parser = analyzer.parser();
                boolean timed = Instrumentation.enabled();
                long t0 = timed ? System.nanoTime() : 0;
                structure = parser.predict(sentence);
                if (timed) {
                    Instrumentation.parsed();
                    Instrumentation.nlp(System.nanoTime() - t0);
                }
            }
        }
        if (structure == null) {
            return null;
        }
        long g0 = Instrumentation.enabled() ? System.nanoTime() : 0;
        g = switch (kind) {
            case BASIC -> SemanticGraphFactory.generateUncollapsedDependencies(structure);
            case ENHANCED -> SemanticGraphFactory.generateEnhancedDependencies(structure);
            case ENHANCED_PLUS_PLUS -> SemanticGraphFactory.generateEnhancedPlusPlusDependencies(structure);
        };
        if (g0 != 0) {
            Instrumentation.nlp(System.nanoTime() - g0);
        }
        graphs.put(kind, g);
        return g;
    }

    @Override
    public boolean parsed() {
        return structure != null;
    }

    @Override
    public List<Notice> notices() {
        return notices;
    }
}
