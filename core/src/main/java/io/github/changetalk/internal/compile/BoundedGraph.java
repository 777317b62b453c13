package io.github.changetalk.internal.compile;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.trees.GrammaticalRelation;
import edu.stanford.nlp.util.Pair;
import java.util.AbstractList;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.RandomAccess;
import java.util.Set;

/**
 * A sentence's dependency graph as one Semgrex match sees it, with a budget of steps: every node or edge
 * the graph hands Semgrex's search (the nodes to try, a node's children, parents and edges) takes a step,
 * and the thread's interrupt flag is checked at each. Semgrex has no step limit and ignores interrupts,
 * and nested relations ({@code {} >> ({} >> ({} >> ...)))}) search every chain of descendants: a minute
 * on a 120-word sentence whose clauses nest. A copy of the sentence's graph, made per match (at most 150
 * nodes), so the shared graph is never wrapped. The word regexes of node attributes run inside Semgrex,
 * out of reach; their cost is bounded at load ({@link PatternGuard#checkRegex}).
 */
final class BoundedGraph extends SemanticGraph {
    private static final long serialVersionUID = 1L;
    private final transient StepBudget budget;

    BoundedGraph(SemanticGraph graph, StepBudget budget) {
        super(graph);
        this.budget = budget;
    }

    private void visit() {
        if (budget != null) { // null only while the superclass constructor runs
            budget.visit();
        }
    }

    @Override
    public Set<IndexedWord> vertexSet() {
        return counted(super.vertexSet());
    }

    @Override
    public List<IndexedWord> vertexListSorted() {
        return counted(super.vertexListSorted());
    }

    @Override
    public List<IndexedWord> topologicalSort() {
        return counted(super.topologicalSort());
    }

    @Override
    public Set<IndexedWord> getChildren(IndexedWord vertex) {
        return counted(super.getChildren(vertex));
    }

    @Override
    public Set<IndexedWord> getParents(IndexedWord vertex) {
        return counted(super.getParents(vertex));
    }

    @Override
    public List<Pair<GrammaticalRelation, IndexedWord>> childPairs(IndexedWord vertex) {
        return counted(super.childPairs(vertex));
    }

    @Override
    public List<Pair<GrammaticalRelation, IndexedWord>> parentPairs(IndexedWord vertex) {
        return counted(super.parentPairs(vertex));
    }

    @Override
    public Iterator<SemanticGraphEdge> outgoingEdgeIterator(IndexedWord v) {
        return counted(super.outgoingEdgeIterator(v));
    }

    @Override
    public Iterator<SemanticGraphEdge> incomingEdgeIterator(IndexedWord v) {
        return counted(super.incomingEdgeIterator(v));
    }

    private <T> Iterator<T> counted(Iterator<T> it) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public T next() {
                visit();
                return it.next();
            }
        };
    }

    private <T> Set<T> counted(Set<T> set) {
        return new AbstractSet<>() {
            @Override
            public Iterator<T> iterator() {
                return counted(set.iterator());
            }

            @Override
            public int size() {
                return set.size();
            }

            @Override
            public boolean contains(Object o) {
                return set.contains(o);
            }
        };
    }

    private <T> List<T> counted(List<T> list) {
        final class Counted extends AbstractList<T> implements RandomAccess {
            @Override
            public T get(int index) {
                visit();
                return list.get(index);
            }

            @Override
            public int size() {
                return list.size();
            }
        }
        return new Counted();
    }
}
