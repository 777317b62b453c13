package io.github.changetalk;

import java.util.List;
import java.util.Map;

/**
 * How the evidence weights decided a client utterance: the score of each direction (the bias plus the
 * weights of every feature present; the highest wins), and each feature with its weight toward the
 * decided direction, largest first. A feature is a rule that fired, not vetoed, in some sentence of the
 * utterance (its id), or a named context feature: {@code prior=change} (the direction the rules' bands
 * and overrides give), {@code after.question} (the counselor turn before is a question),
 * {@code after.reflected=change} (that turn, read in the client's voice, is change talk),
 * {@code answer.yes}, {@code length=3-5}, {@code previous=sustain} (the direction the rules gave the client's
 * turn before) and others;
 * docs/rule-language.md lists them. {@code weights} names the weights file. Null in results classified
 * without weights ({@code --weights none}).
 */
public record Weighing(Direction direction, Map<Direction, Double> scores, double bias, List<FeatureWeight> features,
                       String weights) {
    public Weighing {
        scores = Map.copyOf(scores);
        features = List.copyOf(features);
    }

    /** A feature present in the utterance and its weight toward the decided direction. */
    public record FeatureWeight(String feature, double weight) {
    }
}
