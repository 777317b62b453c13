package io.github.changetalk.bench;

import java.util.List;
import java.util.Random;

/**
 * Generates a rule pack of N rules in the shapes real packs use (lexicon-anchored token patterns,
 * lemma-anchored token patterns, Semgrex patterns anchored on a lemma or a lexicon, some with an
 * {@code unless}), each anchored on different words drawn from a vocabulary. For measuring how
 * matching cost grows with pack size; the rules are meaningless and never shipped.
 */
public final class SyntheticPack {
    private static final String[] LABELS = {"desire", "ability", "reason", "need", "commitment", "activation", "taking-steps"};
    private static final String[] BANDS = {"answer", "general", "specific", "reversal"};

    private SyntheticPack() {
    }

    /** @param vocabulary lower-case words (letters only) to anchor rules on; sampled with a fixed seed */
    public static String yaml(String name, int rules, List<String> vocabulary, long seed) {
        Random random = new Random(seed);
        StringBuilder y = new StringBuilder();
        y.append("pack: ").append(name).append("\nlexicons:\n");
        for (int i = 0; i < rules; i++) {
            if (i % 5 == 0 || i % 5 == 4) {
                y.append("  L").append(i).append(": [").append(pick(vocabulary, random)).append(", ")
                        .append(pick(vocabulary, random)).append(", ").append(pick(vocabulary, random)).append("]\n");
            }
        }
        y.append("rules:\n");
        for (int i = 0; i < rules; i++) {
            String w1 = pick(vocabulary, random);
            String w2 = pick(vocabulary, random);
            y.append("  - id: SYN_").append(i).append('\n');
            y.append("    kind: ").append(LABELS[i % LABELS.length]).append('\n');
            y.append("    direction: ").append(i % 3 == 0 ? "sustain" : "change").append('\n');
            y.append("    priority: ").append(BANDS[i % BANDS.length]).append('\n');
            y.append("    patterns:\n");
            switch (i % 5) {
                case 0 -> y.append("      - tokens: '[{word:/(?i)i|we/}] []{0,3} $L").append(i)
                        .append(" []{0,2} [{tag:/VB.*/}]'\n");
                case 1 -> y.append("      - tokens: '[{lemma:").append(w1).append("}] [{tag:TO}]? [{tag:/VB.*/}]'\n");
                case 2 -> y.append("      - tokens: '[{lemma:/").append(w1).append('|').append(w2)
                        .append("/}] []{0,3} [{tag:/NN.*/}]'\n");
                case 3 -> y.append("      - dependency: '{lemma:").append(w1).append("} >nsubj {word:/(?i)i|we/}'\n");
                default -> y.append("      - dependency: '{lemma:$L").append(i).append("}=v >advmod {lemma:/not|never/}'\n");
            }
            if (i % 2 == 0) {
                y.append("    unless:\n      - tokens: '[{lemma:/not|never/}]'\n");
            }
            y.append("    examples:\n      match: [one example, another example]\n      nomatch: [a third]\n");
        }
        return y.toString();
    }

    private static String pick(List<String> vocabulary, Random random) {
        return vocabulary.get(random.nextInt(vocabulary.size()));
    }
}
