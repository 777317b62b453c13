package io.github.changetalk.cli.eval;

import io.github.changetalk.Reading;
import io.github.changetalk.cli.run.PreviousTurns;
import io.github.changetalk.cli.run.Processed;
import io.github.changetalk.internal.engine.WeightedDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import io.github.changetalk.train.Example;
import io.github.changetalk.train.FitSettings;
import io.github.changetalk.train.WeightsTrainer;

/**
 * The coded client turns of a run as the evidence weights see them, collected in output order: each turn's
 * reading, the reading of the client turn before it in its session, its gold direction, session and fold.
 * What {@code train} fits on and {@code eval --weights fit} fits and scores on. Not thread-safe: fed by the
 * pipeline's writer.
 */
public final class GoldReadings {
    /**
     * One coded client turn.
     *
     * @param where    file:line
     * @param group    its session, with its file (cross-validation never splits one)
     * @param fold     its fold column's value, or null
     * @param gold     the gold value (a label or a direction)
     * @param reading  the turn as the rules read it
     * @param previous the reading of the client turn before it in its session, or null
     */
    public record Turn(String where, String group, String fold, String gold, Reading reading, Reading previous) {
        /** The features the weights score for this turn ({@code previous=} included). */
        public Set<String> features() {
            return WeightedDecision.features(reading, previous);
        }

        public String goldDirection() {
            return Gold.direction(gold);
        }
    }

    private final PreviousTurns previous = new PreviousTurns();
    private final List<Turn> turns = new ArrayList<>();

    /**
     * Takes a processed record: remembers a client turn's reading as its session's previous turn, and keeps it
     * when it has a gold value. {@code gold} and {@code fold} are the record's values (null when absent).
     */
    public void add(Processed p, String gold, String fold) {
        Reading r = p.reading();
        if (r == null || p.isError()) {
            return;
        }
        Reading before = previous.before(p.input());
        previous.record(p.input(), r);
        if (gold != null && r.decidable()) {
            turns.add(new Turn(p.input().where(), p.input().source() + " / " + p.input().session(), fold, gold, r, before));
        }
    }

    public List<Turn> turns() {
        return List.copyOf(turns);
    }

    /**
     * Fits client-direction weights on some of these turns: a regularised multinomial logistic regression
     * (train module), classes change, sustain, neutral, groups the sessions.
     *
     * @param universe features every weights file lists (the loaded rules), weight 0 when never seen
     */
    public static WeightsTrainer.Fit fit(List<Turn> turns, java.util.Collection<String> universe, FitSettings settings,
                                         java.util.Map<String, List<String>> provenance) {
        List<Example> examples = new ArrayList<>(turns.size());
        for (Turn t : turns) {
            examples.add(new Example(t.features(), t.goldDirection(), t.group()));
        }
        return WeightsTrainer.fit(WeightedDecision.DECIDES, Gold.THREE, examples, universe, settings, provenance);
    }
}
