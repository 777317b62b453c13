package io.github.changetalk.internal.engine;

import io.github.changetalk.Direction;
import io.github.changetalk.Evidence;
import io.github.changetalk.Kind;
import io.github.changetalk.Label;
import io.github.changetalk.Reading;
import io.github.changetalk.SentenceResult;
import io.github.changetalk.UtteranceResult;
import io.github.changetalk.Weighing;
import io.github.changetalk.internal.weights.EvidenceWeights;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The weighted decision for client utterances: the direction is the argmax of the evidence weights' scores
 * over the utterance's features ({@link ClientFeatures}), and the label is then made explainable.
 *
 * <ul>
 *   <li><b>Kind.</b> The kind of the fired rule of the winning direction with the largest weight toward it
 *       (ties: the later sentence, then the later match). With no such rule, the context's: the counselor turn
 *       read in the client's voice when its talk has that direction, else the kind the rules gave the client's
 *       previous turn when it had that direction. A direction no evidence gives a kind to is not chosen: the
 *       best-scoring direction that has one is (neutral never needs one), so the weights never invent a kind.</li>
 *   <li><b>Sentences.</b> The sentence the kind came from (the first sentence when the context gave it)
 *       carries the utterance's label, and names the rule it came from; the other sentences keep the rules'
 *       reading, so a turn of change and sustain talk still shows both. A turn decided neutral shows no talk: its
 *       sentences are all neutral, their rules still listed as evidence. The carrying sentence names the
 *       strongest-weighted rule as the one that decided it, which may differ from the bands' pick.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class WeightedDecision {
    /** What a weights file for client utterances decides. */
    public static final String DECIDES = "client-direction";

    private final EvidenceWeights model;
    private final String source;
    private final int[] index; // direction (ordinal) -> class index

    /** @throws IllegalArgumentException when the model does not decide the client direction */
    public WeightedDecision(EvidenceWeights model, String source) {
        index = model.classIndexes(DECIDES, Arrays.stream(Direction.values()).map(Direction::id).toList(), source,
                "client weights have the classes change, sustain and neutral");
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
     * The utterance's result: the rules' result when the reading has no features (counselor turns, failures),
     * else the weights' decision. {@code previous} is the reading of the client's turn before (null: none);
     * it is used only when the utterance's context holds that turn ({@link Reading#followsClientTurn()}),
     * and gives {@code previous=} the direction the rules gave it.
     */
    public UtteranceResult decide(Reading reading, Reading previous) {
        if (!reading.decidable()) {
            return reading.rules();
        }
        UtteranceResult before = previous != null && reading.followsClientTurn() && previous.rules().label() != null
                ? previous.rules() : null;
        Set<String> features = features(reading, previous);
        EvidenceWeights.Scores scores = model.score(features);
        List<SentenceResult> sentences = reading.rules().sentences();
        Carrier[] carriers = new Carrier[Direction.values().length];
        int chosen = scores.best(c -> {
            Direction d = direction(c);
            return d == Direction.NEUTRAL
                    || (carriers[d.ordinal()] = carrier(d, features, sentences, reading.reflected(), before)) != null;
        });
        Direction direction = direction(chosen);
        Carrier carrier = carriers[direction.ordinal()];
        Kind kind = carrier == null ? null : carrier.kind();
        Label label = Label.of(direction, kind);
        List<SentenceResult> out = new ArrayList<>(sentences.size());
        for (SentenceResult s : sentences) {
            if (carrier != null && s.index() == carrier.sentence()) {
                out.add(with(s, label, direction, kind, carrier.rule()));
            } else if (direction == Direction.NEUTRAL && s.direction() != Direction.NEUTRAL) {
                out.add(with(s, Label.NEUTRAL, Direction.NEUTRAL, null, null));
            } else {
                out.add(s);
            }
        }
        Map<Direction, Double> byDirection = new EnumMap<>(Direction.class);
        for (Direction d : Direction.values()) {
            byDirection.put(d, scores.value(index[d.ordinal()]));
        }
        List<Weighing.FeatureWeight> weights = new ArrayList<>();
        for (EvidenceWeights.Contribution c : model.contributions(features, chosen)) {
            weights.add(new Weighing.FeatureWeight(c.feature(), c.weight()));
        }
        UtteranceResult r = reading.rules();
        return new UtteranceResult(r.text(), r.speaker(), label, direction, kind, out, r.notices(), r.coding(),
                new Weighing(direction, byDirection, model.bias(chosen), weights, source));
    }

    /**
     * Every feature of a reading, {@code previous=} included: what the weights score, and what training
     * fits them on (the one definition both use).
     */
    public static Set<String> features(Reading reading, Reading previous) {
        Set<String> features = new TreeSet<>(reading.features());
        if (previous != null && reading.followsClientTurn()) {
            String prev = ClientFeatures.previous(previous.rules().label());
            if (prev != null) {
                features.add(prev);
            }
        }
        return features;
    }

    private Direction direction(int cls) {
        for (Direction d : Direction.values()) {
            if (index[d.ordinal()] == cls) {
                return d;
            }
        }
        throw new IllegalStateException("class " + cls);
    }

    /** Where a direction's kind comes from: the sentence that carries it, the kind, the rule (null: the client's previous turn). */
    private record Carrier(int sentence, Kind kind, String rule) {
    }

    private Carrier carrier(Direction d, Set<String> features, List<SentenceResult> sentences, Evidence reflected,
                            UtteranceResult previous) {
        Carrier best = null;
        double bestWeight = Double.NEGATIVE_INFINITY;
        int cls = index[d.ordinal()];
        for (SentenceResult s : sentences) {
            for (Evidence e : s.evidence()) {
                if (e.direction() != d || e.kind() == null || Engine.ECHO.equals(e.pattern()) || !features.contains(e.rule())) {
                    continue;
                }
                double w = model.weight(e.rule(), cls);
                if (w >= bestWeight) { // ties: the later sentence, the later match
                    bestWeight = w;
                    best = new Carrier(s.index(), e.kind(), e.rule());
                }
            }
        }
        if (best != null || sentences.isEmpty()) {
            return best;
        }
        if (reflected != null && reflected.direction() == d && reflected.kind() != null) {
            return new Carrier(0, reflected.kind(), reflected.rule());
        }
        if (previous != null && previous.direction() == d && previous.kind() != null) {
            return new Carrier(0, previous.kind(), null);
        }
        return null;
    }

    private static SentenceResult with(SentenceResult s, Label label, Direction direction, Kind kind, String rule) {
        return new SentenceResult(s.index(), s.text(), s.begin(), s.end(), label, direction, kind, rule, s.evidence(),
                s.vetoed(), s.parsed(), s.notices());
    }
}
