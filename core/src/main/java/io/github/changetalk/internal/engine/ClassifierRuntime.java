package io.github.changetalk.internal.engine;

import io.github.changetalk.ExampleCheck;
import io.github.changetalk.Explanation;
import io.github.changetalk.Reading;
import io.github.changetalk.RuleInfo;
import io.github.changetalk.Utterance;
import io.github.changetalk.UtteranceResult;
import io.github.changetalk.internal.compile.CompiledRule;
import io.github.changetalk.internal.compile.RuleCatalog;
import io.github.changetalk.internal.helper.CounselorFeatures;
import io.github.changetalk.internal.helper.WeightedBehaviour;
import io.github.changetalk.internal.match.MatchingRules;
import io.github.changetalk.internal.nlp.Analyzer;
import io.github.changetalk.internal.pack.ExampleSpec;
import io.github.changetalk.internal.pack.HelperSpec;
import io.github.changetalk.internal.pack.PatternSpec;
import io.github.changetalk.internal.pack.RuleSpec;
import io.github.changetalk.internal.pack.TargetDirection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a built classifier runs on: the checked rule catalog, the rules compiled for the default targets
 * (and, on first use, for others), the analyzer and the engine. Everything the public {@code Classifier}
 * does, it asks of this. Immutable but for the cache of rule sets per target selection; thread-safe.
 */
public final class ClassifierRuntime {
    /** The target whose lexicons are active whatever the selection, when the packs define it. */
    static final String GENERIC = "generic";

    private final RuleCatalog catalog;
    private final Set<String> defaultTargets; // null = every target
    private final RuleSets defaultRules;
    private final TargetRules targetRules;
    private final ConcurrentHashMap<Set<String>, RuleSets> byTargets = new ConcurrentHashMap<>();
    private final Analyzer analyzer;
    private final Engine engine;
    private final WeightedDecision decision; // null: --weights none
    private final WeightedBehaviour behaviour; // null: the rules' roll-up decides counselor turns

    ClassifierRuntime(RuleCatalog catalog, Set<String> defaultTargets, RuleSets defaultRules, TargetRules targetRules,
                      Analyzer analyzer, Engine engine, WeightedDecision decision, WeightedBehaviour behaviour) {
        this.behaviour = behaviour;
        this.catalog = catalog;
        this.defaultTargets = defaultTargets;
        this.defaultRules = defaultRules;
        this.targetRules = targetRules;
        this.analyzer = analyzer;
        this.engine = engine;
        this.decision = decision;
    }

    /** Classifies with no previous client turn known: the rules' result, or the weights' decision. */
    public UtteranceResult classify(Utterance utterance) {
        if (decision == null && behaviour == null) {
            return engine.classify(rulesFor(utterance.target()), utterance, false).result();
        }
        return decide(read(utterance), null);
    }

    /** The utterance read by the rules, with the features the evidence weights read (whether or not weights are loaded). */
    public Reading read(Utterance utterance) {
        return engine.classify(rulesFor(utterance.target()), utterance, false, true).reading();
    }

    /** The weights' decision of a reading, given the reading of the client's turn before (may be null); without weights, the rules' result. */
    public UtteranceResult decide(Reading reading, Reading previous) {
        UtteranceResult r = decision == null ? reading.rules() : decision.decide(reading, previous);
        return behaviour == null ? r : weighCounselorTurn(r, previous);
    }

    /**
     * A counselor turn's result with its group decided by the counselor weights, given the reading of the
     * client's turn before it (null: unknown or none); any other result as it is.
     */
    private UtteranceResult weighCounselorTurn(UtteranceResult r, Reading previous) {
        if (r.coding() == null) {
            return r;
        }
        CounselorFeatures.ClientBefore before = previous == null ? null
                : new CounselorFeatures.ClientBefore(previous.rules().direction(), previous.rules().text());
        return new UtteranceResult(r.text(), r.speaker(), r.label(), r.direction(), r.kind(), r.sentences(), r.notices(),
                behaviour.decide(r.coding(), before), r.weighing());
    }

    /** The weights' file or resource name, or null without weights. */
    public String weights() {
        return decision == null ? null : decision.source();
    }

    /** The counselor weights' file or resource name, or null when the rules' roll-up decides counselor turns. */
    public String counselorWeights() {
        return behaviour == null ? null : behaviour.source();
    }

    public Explanation explain(Utterance utterance) {
        Engine.Outcome o = engine.classify(rulesFor(utterance.target()), utterance, true, decision != null);
        UtteranceResult r = decision == null ? o.result() : decision.decide(o.reading(), null);
        return new Explanation(behaviour == null ? r : weighCounselorTurn(r, null), o.explained());
    }

    /** Runs every example of every enabled rule, against all targets. */
    public List<ExampleCheck> checkExamples() {
        List<ExampleCheck> out = new ArrayList<>();
        for (RuleSpec rule : catalog.rules()) {
            out.addAll(checkExamples(rule.id()));
        }
        return out;
    }

    /** Runs the examples of one rule, against all targets, or the target an example names. */
    public List<ExampleCheck> checkExamples(String ruleId) {
        RuleSpec rule = catalog.rules().stream().filter(r -> r.id().equals(ruleId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no enabled rule " + ruleId));
        RuleSets all = rulesForSelection(null);
        List<ExampleCheck> out = new ArrayList<>();
        for (ExampleSpec example : rule.examples()) {
            if (example.target() != null && catalog.resolveTargets(example.target()).isEmpty()) {
                out.add(new ExampleCheck(rule.id(), rule.source(), example.line(), example.text(), example.context(),
                        example.match(), false, "the example's target '" + example.target() + "' names no known target"
                        + " (known: " + String.join(", ", catalog.targetNames()) + ")"));
                continue;
            }
            RuleSets rules = example.target() == null ? all : rulesFor(example.target());
            out.add(ExampleRunner.check(rule, example, u -> engine.classify(rules, u, false).result(),
                    text -> engine.clientCues(rules, text)));
        }
        return out;
    }

    /** The enabled rules, in load order. */
    public List<RuleInfo> rules() {
        Map<String, RuleInfo> byId = new HashMap<>();
        for (MatchingRules set : List.of(defaultRules.client(), defaultRules.counselor().onTurn(),
                defaultRules.counselor().onClientTurn())) {
            List<CompiledRule> compiled = set.rules().rules();
            for (int i = 0; i < compiled.size(); i++) {
                CompiledRule r = compiled.get(i);
                byId.put(r.id(), info(r, set.shortcuts().triggerWords(i)));
            }
        }
        List<RuleInfo> out = new ArrayList<>();
        for (RuleSpec s : catalog.rules()) {
            out.add(byId.get(s.id()));
        }
        return out;
    }

    private static RuleInfo info(CompiledRule r, List<String> triggers) {
        RuleSpec s = r.spec();
        HelperSpec h = s.helper();
        return new RuleInfo(s.id(), s.label(), s.direction(), s.kind(), s.priority(),
                s.band(), s.overrides(), s.pack(), s.source(), s.line(), s.description(),
                texts(s.patterns()), texts(s.unless()), texts(s.context()),
                s.examples().stream().map(e -> new RuleInfo.Example(e.text(), e.context(), e.match(), e.target())).toList(),
                triggers, r.usesDependencies(), s.speaker(), h == null ? null : h.code(), h == null ? null : h.function(),
                h == null ? null : h.asks(), h == null ? null : h.dimension(), h == null || h.cue() == null ? null : h.cue().id(),
                s.after() == null ? null : AfterText.of(s.after()), s.targets().stream().map(TargetDirection::id).toList());
    }

    private static List<String> texts(List<PatternSpec> patterns) {
        return patterns.stream().map(p -> (p.type().name().toLowerCase(Locale.ROOT)) + ": " + p.written()).toList();
    }

    public List<String> targets() {
        return catalog.targetNames();
    }

    public String resolveTarget(String topic) {
        return catalog.resolveTarget(topic);
    }

    public boolean usesDependencyParser() {
        return analyzer.hasParser();
    }

    /**
     * The rules for an utterance's target: the default ones, or those of the targets its topic names
     * (several when the topic lists several behaviours, "a; b"), with the generic target.
     */
    private RuleSets rulesFor(String target) {
        Set<String> selection = target == null ? new TreeSet<>() : new TreeSet<>(catalog.resolveTargets(target));
        if (selection.isEmpty()) {
            return defaultRules;
        }
        return rulesForSelection(withGeneric(catalog, selection));
    }

    private RuleSets rulesForSelection(Set<String> selection) {
        if (Objects.equals(selection, defaultTargets)) {
            return defaultRules;
        }
        Set<String> key = selection == null ? Set.of("*") : Set.copyOf(selection);
        return byTargets.computeIfAbsent(key, k -> targetRules.compile(selection));
    }

    /** The selection with the generic target added, when the packs define one. */
    static Set<String> withGeneric(RuleCatalog catalog, Set<String> selection) {
        if (catalog.targetNames().contains(GENERIC)) {
            selection.add(GENERIC);
        }
        return selection;
    }
}
