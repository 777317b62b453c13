package io.github.changetalk.internal.helper;

import io.github.changetalk.Behaviour;
import io.github.changetalk.MiscCode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The hand-set roll-up of a counselor turn's sentence codes to the turn's code: which sentence's code the
 * turn takes. The policy, in MI terms (and as AnnoMI's experts code, helper-study section 2):
 * <ol>
 *   <li>the righting reflex is never hidden: a turn with a sentence coded CO, WA, DI, ADW or RCW takes the
 *       most serious of them (in that order), whatever else it holds;</li>
 *   <li>backchannels (FA) count only when the turn holds nothing else;</li>
 *   <li>a closing question takes the turn (the client is left to answer it) unless the rest of the turn is
 *       longer than twice the question plus {@value #QUESTION_SLACK} words;</li>
 *   <li>otherwise the group (question, reflection, input, other) holding most of the turn's words wins,
 *       and within it the code that says most: advice or a concern with permission, a complex reflection,
 *       a simple one, information, then autonomy, affirming, support, structure, pleasantries;</li>
 *   <li>a question group takes its last question.</li>
 * </ol>
 */
final class TurnRollUp {
    /** Words a turn may hold besides a closing question that still leave the question deciding it. */
    static final int QUESTION_SLACK = 8;

    private static final List<MiscCode> SERIOUSNESS = List.of(MiscCode.CO, MiscCode.WA, MiscCode.DI, MiscCode.ADW, MiscCode.RCW);
    private static final List<MiscCode> WITHIN_GROUP = List.of(MiscCode.ADP, MiscCode.RCP, MiscCode.CR, MiscCode.SR,
            MiscCode.GI, MiscCode.EC, MiscCode.AF, MiscCode.SU, MiscCode.ST, MiscCode.FI, MiscCode.FA);

    private TurnRollUp() {
    }

    /**
     * The index of the sentence whose code the turn takes, or -1 when no sentence is coded.
     *
     * @param codes each sentence's code (null: not coded)
     * @param words each sentence's number of words
     */
    static int decide(List<MiscCode> codes, List<Integer> words) {
        int worst = -1;
        for (int i = 0; i < codes.size(); i++) {
            MiscCode c = codes.get(i);
            if (c != null && c.miInconsistent()
                    && (worst < 0 || SERIOUSNESS.indexOf(c) < SERIOUSNESS.indexOf(codes.get(worst)))) {
                worst = i;
            }
        }
        if (worst >= 0) {
            return worst;
        }
        Map<Behaviour, Integer> weight = new EnumMap<>(Behaviour.class);
        int lastSubstantive = -1;
        int lastCoded = -1;
        for (int i = 0; i < codes.size(); i++) {
            MiscCode c = codes.get(i);
            if (c == null) {
                continue;
            }
            lastCoded = i;
            if (c != MiscCode.FA) {
                lastSubstantive = i;
                weight.merge(c.behaviour(), words.get(i), Integer::sum);
            }
        }
        if (lastSubstantive < 0) {
            return lastCoded;
        }
        int total = weight.values().stream().mapToInt(Integer::intValue).sum();
        if (codes.get(lastSubstantive).behaviour() == Behaviour.QUESTION) {
            int question = weight.get(Behaviour.QUESTION);
            if (total - question <= 2 * question + QUESTION_SLACK) {
                return lastSubstantive;
            }
        }
        Behaviour best = null;
        for (Behaviour b : List.of(Behaviour.QUESTION, Behaviour.REFLECTION, Behaviour.INPUT, Behaviour.OTHER)) {
            if (weight.containsKey(b) && (best == null || weight.get(b) > weight.get(best))) {
                best = b;
            }
        }
        int chosen = -1;
        for (int i = 0; i < codes.size(); i++) {
            MiscCode c = codes.get(i);
            if (c == null || c == MiscCode.FA || c.behaviour() != best) {
                continue;
            }
            if (best == Behaviour.QUESTION) {
                chosen = i; // the last question
            } else if (chosen < 0 || WITHIN_GROUP.indexOf(c) < WITHIN_GROUP.indexOf(codes.get(chosen))) {
                chosen = i;
            }
        }
        return chosen;
    }
}
