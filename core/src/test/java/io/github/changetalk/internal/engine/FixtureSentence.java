package io.github.changetalk.internal.engine;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.trees.GrammaticalRelation;
import edu.stanford.nlp.international.Language;
import io.github.changetalk.Notice;
import io.github.changetalk.internal.nlp.SentenceView;
import io.github.changetalk.internal.pack.GraphKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A pre-parsed sentence for engine tests that need no models. Tokens are written
 * {@code word/lemma/TAG} separated by spaces; dependencies as {@code rel:gov:dep} with 1-based token
 * indices (gov 0 is the root). Counts how often the graph is asked for, to test parse gating.
 */
final class FixtureSentence implements SentenceView {
    private final List<CoreLabel> tokens = new ArrayList<>();
    private final SemanticGraph graph;
    private final String text;
    private int graphRequests;

    FixtureSentence(int offset, String tagged, String dependencies) {
        StringBuilder t = new StringBuilder();
        int pos = offset;
        int i = 1;
        for (String item : tagged.trim().split("\\s+")) {
            String[] parts = item.split("/");
            CoreLabel label = new CoreLabel();
            label.setWord(parts[0]);
            label.setValue(parts[0]);
            label.setOriginalText(parts[0]);
            label.setLemma(parts[1]);
            label.setTag(parts[2]);
            label.setIndex(i++);
            label.setSentIndex(0);
            if (!t.isEmpty()) {
                t.append(' ');
                pos++;
            }
            label.setBeginPosition(pos);
            label.setEndPosition(pos + parts[0].length());
            label.set(CoreAnnotations.CharacterOffsetBeginAnnotation.class, pos);
            label.set(CoreAnnotations.CharacterOffsetEndAnnotation.class, pos + parts[0].length());
            pos += parts[0].length();
            t.append(parts[0]);
            tokens.add(label);
        }
        this.text = t.toString();
        this.graph = dependencies == null ? null : graph(dependencies);
    }

    private SemanticGraph graph(String dependencies) {
        SemanticGraph g = new SemanticGraph();
        List<IndexedWord> nodes = new ArrayList<>();
        for (CoreLabel token : tokens) {
            IndexedWord w = new IndexedWord(token);
            nodes.add(w);
            g.addVertex(w);
        }
        for (String dep : dependencies.trim().split("\\s+")) {
            String[] parts = dep.split(":");
            String rel = parts[0];
            int gov = Integer.parseInt(parts[parts.length - 2]);
            int child = Integer.parseInt(parts[parts.length - 1]);
            if (parts.length == 4) {
                rel = parts[0] + ":" + parts[1];
            }
            if (gov == 0) {
                g.setRoot(nodes.get(child - 1));
            } else {
                g.addEdge(nodes.get(gov - 1), nodes.get(child - 1),
                        GrammaticalRelation.valueOf(Language.UniversalEnglish, rel), 1.0, false);
            }
        }
        return g;
    }

    String text() {
        return text;
    }

    int graphRequests() {
        return graphRequests;
    }

    @Override
    public List<CoreLabel> tokens() {
        return tokens;
    }

    @Override
    public SemanticGraph graph(GraphKind kind) {
        graphRequests++;
        return graph;
    }

    @Override
    public boolean parsed() {
        return graphRequests > 0 && graph != null;
    }

    @Override
    public List<Notice> notices() {
        return List.of();
    }
}
