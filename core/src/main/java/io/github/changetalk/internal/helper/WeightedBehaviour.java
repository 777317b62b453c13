package io.github.changetalk.internal.helper;

import io.github.changetalk.Behaviour;
import io.github.changetalk.CounselorCoding;
import io.github.changetalk.MiscCode;
import io.github.changetalk.Weighing;
import io.github.changetalk.internal.weights.EvidenceWeights;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The weighted decision of a counselor turn's group (question, reflection, input, other): each sentence's
 * probabilities of the four groups come from the evidence weights over its features ({@link CounselorFeatures}),
 * and the turn's score of a group is the sum over its sentences of the sentence's words times the log of that
 * probability (helper-study section 2: sentence-level weights rolled up by words). Then the turn's MISC code is
 * made to agree with the group, the rules still deciding the code inside it:
 * <ul>
 *   <li>the rules' turn code when it is of the winning group;</li>
 *   <li>else, for a question, the code of the turn's last sentence coded as a question, or the turn's question
 *       kind (closed when it has none: MISC's "when in doubt, closed");</li>
 *   <li>for a reflection, the turn's reflection kind (simple or complex, as the rules judged it);</li>
 *   <li>for input, the most serious input code a sentence holds (CO, WA, DI, ADW, RCW, ADP, RCP, GI; GI when none
 *       does);</li>
 *   <li>for other, the other code a sentence holds, in the rules' order (EC, AF, SU, ST, FI, FA; FA when none does).</li>
 * </ul>
 * {@code mi_inconsistent} is never the weights' to hide: it stays set when any sentence is coded ADW, RCW, CO, DI
 * or WA, whatever group wins. The sentences, the question and reflection kinds, permission, the answered act and
 * the talk read in the client's voice are the rules' and are kept. Immutable and thread-safe.
 */
public final class WeightedBehaviour {
    /** What a weights file for counselor turns decides. */
    public static final String DECIDES = "counselor-behaviour";
    /** The classes of such a file, in order ("other", the nothing-special group, last). */
    public static final List<String> CLASSES = List.of("question", "reflection", "input", "other");

    private static final List<MiscCode> INPUT_SERIOUSNESS = List.of(MiscCode.CO, MiscCode.WA, MiscCode.DI, MiscCode.ADW,
            MiscCode.RCW, MiscCode.ADP, MiscCode.RCP, MiscCode.GI);
    private static final List<MiscCode> OTHER_ORDER = List.of(MiscCode.EC, MiscCode.AF, MiscCode.SU, MiscCode.ST,
            MiscCode.FI, MiscCode.FA);

    private final EvidenceWeights model;
    private final String source;
    private final int[] index; // behaviour (ordinal) -> class index

    /** @throws IllegalArgumentException when the model does not decide the counselor behaviour group */
    public WeightedBehaviour(EvidenceWeights model, String source) {
        index = model.classIndexes(DECIDES, Arrays.stream(Behaviour.values()).map(Behaviour::id).toList(), source,
                "counselor weights have the classes " + CLASSES);
        this.model = model;
        this.source = source;
    }

    public EvidenceWeights model() {
        return model;
    }

    /** The weights' file or resource name. */
    public String source() {
        return source;
    }

    /**
     * The turn's coding with its group decided by the weights (the rules' coding unchanged when it has no
     * sentence).
     *
     * @param coding the turn as the rules coded it
     * @param before the client's turn before, or null when unknown or none
     */
    public CounselorCoding decide(CounselorCoding coding, CounselorFeatures.ClientBefore before) {
        List<CounselorCoding.Sentence> sentences = coding.sentences();
        if (sentences.isEmpty()) {
            return coding;
        }
        List<Set<String>> features = CounselorFeatures.of(coding, before);
        int k = model.classes().size();
        double[] turn = new double[k];
        double[][] probabilities = new double[sentences.size()][];
        int[] words = new int[sentences.size()];
        for (int i = 0; i < sentences.size(); i++) {
            probabilities[i] = model.score(features.get(i)).probabilities();
            words[i] = Math.max(1, CounselorFeatures.words(sentences.get(i).text()));
            for (int c = 0; c < k; c++) {
                turn[c] += words[i] * Math.log(Math.max(probabilities[i][c], Double.MIN_NORMAL));
            }
        }
        EvidenceWeights.Scores scores = new EvidenceWeights.Scores(model.classes(), turn);
        int chosen = scores.best();
        Behaviour group = behaviour(chosen);
        Map<Behaviour, Double> byGroup = new EnumMap<>(Behaviour.class);
        for (Behaviour b : Behaviour.values()) {
            byGroup.put(b, turn[index[b.ordinal()]]);
        }
        List<CounselorCoding.SentenceWeighing> parts = new ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            Map<Behaviour, Double> p = new EnumMap<>(Behaviour.class);
            for (Behaviour b : Behaviour.values()) {
                p.put(b, probabilities[i][index[b.ordinal()]]);
            }
            // every feature present, a rule the weights do not know at 0: the explanation names each rule that fired
            List<Weighing.FeatureWeight> fw = new ArrayList<>();
            for (String f : features.get(i)) {
                fw.add(new Weighing.FeatureWeight(f, model.weight(f, chosen)));
            }
            fw.sort(java.util.Comparator.comparingDouble((Weighing.FeatureWeight f) -> -f.weight())
                    .thenComparing(Weighing.FeatureWeight::feature));
            parts.add(new CounselorCoding.SentenceWeighing(i, words[i], p, model.bias(chosen), fw));
        }
        CounselorCoding.BehaviourWeighing weighing = new CounselorCoding.BehaviourWeighing(group, byGroup, parts, source);
        MiscCode code = coding.code();
        String decidedBy = coding.decidedBy();
        if (code == null || code.behaviour() != group) {
            int from = representative(coding, group);
            code = from >= 0 ? sentences.get(from).code() : fallback(coding, group);
            decidedBy = from >= 0 ? sentences.get(from).decidedBy() : null;
        }
        CounselorCoding.QuestionKind questionKind = code == MiscCode.OQ ? CounselorCoding.QuestionKind.OPEN
                : code == MiscCode.CQ ? CounselorCoding.QuestionKind.CLOSED : coding.questionKind(); // never disagree
        return new CounselorCoding(group, code, coding.miInconsistent(), questionKind, coding.reflectionKind(),
                coding.permission(), decidedBy, coding.answered(), coding.reflected(), sentences, weighing);
    }

    /**
     * The sentence whose code the turn takes within a group the rules' roll-up did not choose: the last
     * question; a reflection of the turn's reflection kind (sentence codes already carry it); the most serious
     * input; the first other code in the rules' order. -1 when no sentence is coded in the group.
     */
    private static int representative(CounselorCoding coding, Behaviour group) {
        List<CounselorCoding.Sentence> sentences = coding.sentences();
        int chosen = -1;
        for (int i = 0; i < sentences.size(); i++) {
            MiscCode c = sentences.get(i).code();
            if (c == null || c.behaviour() != group) {
                continue;
            }
            if (chosen < 0 || group == Behaviour.QUESTION // the last question
                    || rank(group, c) < rank(group, sentences.get(chosen).code())) {
                chosen = i;
            }
        }
        return chosen;
    }

    /** Lower is chosen first within input and other; reflections (all of the turn's one kind) keep the first. */
    private static int rank(Behaviour group, MiscCode c) {
        return group == Behaviour.INPUT ? INPUT_SERIOUSNESS.indexOf(c) : group == Behaviour.OTHER ? OTHER_ORDER.indexOf(c) : 0;
    }

    /** The code of a group no sentence is coded in, from what the rules found of the turn. */
    private static MiscCode fallback(CounselorCoding coding, Behaviour group) {
        return switch (group) {
            case QUESTION -> coding.questionKind() == CounselorCoding.QuestionKind.OPEN ? MiscCode.OQ : MiscCode.CQ;
            case REFLECTION -> coding.reflectionKind() == CounselorCoding.ReflectionKind.COMPLEX ? MiscCode.CR : MiscCode.SR;
            case INPUT -> MiscCode.GI;
            case OTHER -> MiscCode.FA;
        };
    }

    private Behaviour behaviour(int cls) {
        for (Behaviour b : Behaviour.values()) {
            if (index[b.ordinal()] == cls) {
                return b;
            }
        }
        throw new IllegalStateException("class " + cls);
    }
}
