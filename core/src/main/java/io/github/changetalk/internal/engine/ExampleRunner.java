package io.github.changetalk.internal.engine;

import io.github.changetalk.Evidence;
import io.github.changetalk.ExampleCheck;
import io.github.changetalk.SentenceResult;
import io.github.changetalk.Utterance;
import io.github.changetalk.UtteranceResult;
import io.github.changetalk.Veto;
import io.github.changetalk.internal.pack.ExampleSpec;
import io.github.changetalk.internal.pack.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks rule examples: a {@code match} example must make its rule fire, unvetoed, on a sentence that
 * ends up with the rule's label; a {@code nomatch} example must not make it fire.
 */
public final class ExampleRunner {
    private ExampleRunner() {
    }

    public static ExampleCheck check(RuleSpec rule, ExampleSpec example, Function<Utterance, UtteranceResult> classify) {
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
        String problem = null;
        if (example.match()) {
            if (firedIn == null) {
                problem = "the rule did not fire" + vetoNote(rule, result) + "; " + describe(result);
            } else if (rule.echo() != null ? !rule.id().equals(firedIn.decidedBy()) : firedIn.label() != rule.label()) {
                // An echo rule's sentence takes the counselor turn's label; what it must do is decide the sentence.
                problem = "the rule fired but the sentence was labelled " + firedIn.label().id()
                        + " by " + firedIn.decidedBy() + "; " + describe(result);
            }
        } else if (firedIn != null) {
            Evidence e = firedIn.evidence().stream().filter(x -> x.rule().equals(rule.id())).findFirst().orElseThrow();
            problem = "the rule fired on '" + e.text() + "' (" + e.pattern() + ")";
        }
        return new ExampleCheck(rule.id(), rule.source(), example.line(), example.text(), example.context(),
                example.match(), problem == null, problem);
    }

    private static String vetoNote(RuleSpec rule, UtteranceResult result) {
        for (SentenceResult s : result.sentences()) {
            for (Veto v : s.vetoed()) {
                if (v.rule().equals(rule.id())) {
                    return " (vetoed by " + v.by() + " on '" + v.text() + "')";
                }
            }
        }
        return "";
    }

    private static String describe(UtteranceResult result) {
        List<String> parts = new ArrayList<>();
        for (SentenceResult s : result.sentences()) {
            String fired = s.evidence().isEmpty() ? "no rules"
                    : s.evidence().stream().map(e -> e.rule() + " '" + e.text() + "'").collect(Collectors.joining(", "));
            parts.add("'" + s.text() + "' -> " + s.label().id() + " (fired: " + fired + ")");
        }
        return parts.isEmpty() ? "no sentences" : String.join("; ", parts);
    }
}
