package io.github.changetalk.internal.engine;

import io.github.changetalk.CounselorCoding;
import io.github.changetalk.Evidence;
import io.github.changetalk.ExampleCheck;
import io.github.changetalk.SentenceResult;
import io.github.changetalk.Speaker;
import io.github.changetalk.Turn;
import io.github.changetalk.Utterance;
import io.github.changetalk.UtteranceResult;
import io.github.changetalk.Veto;
import io.github.changetalk.internal.pack.ExampleSpec;
import io.github.changetalk.internal.pack.HelperSpec;
import io.github.changetalk.internal.pack.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks rule examples. A client rule's {@code match} example must make its rule fire, unvetoed, on a
 * sentence that ends up with the rule's label; a {@code nomatch} example must not make it fire. A
 * counselor rule's example is a counselor turn (its {@code context} the client turn before); a
 * {@code match} example must make the rule fire, unvetoed, on a sentence whose code the rule decides (a
 * rule with a code), whose function is the rule's (a rule with a function), or at all (a cue). The
 * examples of a rule that reads the client turn before ({@code cue: client-asks}) are client turns.
 */
public final class ExampleRunner {
    private ExampleRunner() {
    }

    /**
     * @param classify   classifies an utterance as the classifier does
     * @param clientCues the client-reading counselor rules that fire on a client text
     */
    public static ExampleCheck check(RuleSpec rule, ExampleSpec example, Function<Utterance, UtteranceResult> classify,
                                     Function<String, List<Evidence>> clientCues) {
        String problem = rule.speaker() == Speaker.COUNSELOR ? counselorProblem(rule, example, classify, clientCues)
                : clientProblem(rule, example, classify);
        return new ExampleCheck(rule.id(), rule.source(), example.line(), example.text(), example.context(),
                example.match(), problem == null, problem);
    }

    private static String clientProblem(RuleSpec rule, ExampleSpec example, Function<Utterance, UtteranceResult> classify) {
        Utterance u = example.context() == null ? Utterance.of(example.text())
                : Utterance.answering(example.context(), example.text());
        UtteranceResult result = classify.apply(u);
        SentenceResult firedIn = null;
        for (SentenceResult s : result.sentences()) {
            for (Evidence e : s.evidence()) {
                if (e.rule().equals(rule.id())) {
                    firedIn = s;
                }
            }
        }
        if (example.match()) {
            if (firedIn == null) {
                return "the rule did not fire" + vetoNote(rule, result.sentences().stream().flatMap(s -> s.vetoed().stream()).toList())
                        + "; " + describe(result);
            } else if (rule.echo() != null ? !rule.id().equals(firedIn.decidedBy()) : firedIn.label() != rule.label()) {
                // An echo rule's sentence takes the counselor turn's label; what it must do is decide the sentence.
                return "the rule fired but the sentence was labelled " + firedIn.label().id()
                        + " by " + firedIn.decidedBy() + "; " + describe(result);
            }
        } else if (firedIn != null) {
            Evidence e = firedIn.evidence().stream().filter(x -> x.rule().equals(rule.id())).findFirst().orElseThrow();
            return "the rule fired on '" + e.text() + "' (" + e.pattern() + ")";
        }
        return null;
    }

    private static String counselorProblem(RuleSpec rule, ExampleSpec example, Function<Utterance, UtteranceResult> classify,
                                           Function<String, List<Evidence>> clientCues) {
        HelperSpec h = rule.helper();
        if (h.cue() != null && h.cue().readsClientTurn()) {
            List<Evidence> fired = clientCues.apply(example.text()).stream().filter(e -> e.rule().equals(rule.id())).toList();
            if (example.match() == fired.isEmpty()) {
                return example.match() ? "the rule did not fire on this client turn"
                        : "the rule fired on '" + fired.get(0).text() + "' (" + fired.get(0).pattern() + ")";
            }
            return null;
        }
        List<Turn> context = example.context() == null ? List.of() : List.of(Turn.client(example.context()));
        UtteranceResult result = classify.apply(new Utterance(example.text(), Speaker.COUNSELOR, context, null));
        List<CounselorCoding.Sentence> sentences = result.coding() == null ? List.of() : result.coding().sentences();
        CounselorCoding.Sentence firedIn = null;
        Evidence firedEvidence = null;
        for (CounselorCoding.Sentence s : sentences) {
            for (Evidence e : s.evidence()) {
                if (e.rule().equals(rule.id())) {
                    firedIn = s;
                    firedEvidence = e;
                }
            }
        }
        if (!example.match()) {
            return firedIn == null ? null : "the rule fired on '" + firedEvidence.text() + "' (" + firedEvidence.pattern() + ")";
        }
        if (firedIn == null) {
            return "the rule did not fire" + vetoNote(rule, sentences.stream().flatMap(s -> s.vetoed().stream()).toList())
                    + "; " + describe(sentences);
        }
        if (h.code() != null && !rule.id().equals(firedIn.decidedBy())) {
            return "the rule fired but the sentence was coded " + firedIn.code() + " by " + firedIn.decidedBy() + "; "
                    + describe(sentences);
        }
        if (h.function() != null && (firedIn.function() != h.function() || (h.asks() != null && firedIn.asks() != h.asks())
                || (h.dimension() != null && firedIn.dimension() != h.dimension()))) {
            return "the rule fired but the sentence's function is " + function(firedIn) + "; " + describe(sentences);
        }
        return null;
    }

    private static String function(CounselorCoding.Sentence s) {
        return s.function() == null ? "none" : s.function().id() + (s.asks() == null ? "" : " asking " + s.asks())
                + (s.dimension() == null ? "" : " of " + s.dimension());
    }

    private static String vetoNote(RuleSpec rule, List<Veto> vetoes) {
        for (Veto v : vetoes) {
            if (v.rule().equals(rule.id())) {
                return " (vetoed by " + v.by() + " on '" + v.text() + "')";
            }
        }
        return "";
    }

    private static String describe(UtteranceResult result) {
        List<String> parts = new ArrayList<>();
        for (SentenceResult s : result.sentences()) {
            parts.add("'" + s.text() + "' -> " + s.label().id() + " (fired: " + fired(s.evidence()) + ")");
        }
        return parts.isEmpty() ? "no sentences" : String.join("; ", parts);
    }

    private static String describe(List<CounselorCoding.Sentence> sentences) {
        List<String> parts = new ArrayList<>();
        for (CounselorCoding.Sentence s : sentences) {
            parts.add("'" + s.text() + "' -> " + (s.code() == null ? "uncoded" : s.code().id())
                    + (s.function() == null ? "" : ", " + function(s)) + " (fired: " + fired(s.evidence()) + ")");
        }
        return parts.isEmpty() ? "no sentences" : String.join("; ", parts);
    }

    private static String fired(List<Evidence> evidence) {
        return evidence.isEmpty() ? "no rules"
                : evidence.stream().map(e -> e.rule() + " '" + e.text() + "'").collect(Collectors.joining(", "));
    }
}
