package io.github.changetalk.cli;

import io.github.changetalk.Classifier;
import io.github.changetalk.RulePackException;
import io.github.changetalk.internal.startup.Startup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which rules to load: the default packs, plus or instead of the user's, minus disabled rules. */
public final class ClassifierOptions {
    @Option(names = "--rules", paramLabel = "FILE", description = "Add a rule pack (YAML) to the default packs. Repeatable.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--only-rules", paramLabel = "FILE", description = "Use only these rule packs, not the default ones. Repeatable.")
    List<Path> onlyRules = new ArrayList<>();

    @Option(names = "--disable", paramLabel = "ID", split = ",", description = "Turn rules off by id (comma-separated, repeatable).")
    List<String> disable = new ArrayList<>();

    @Option(names = "--weights", paramLabel = "FILE|none",
            description = "Evidence weights that decide each client turn from the rules that fired and its context "
                    + "(a file written by changetalk train), or, for a file that decides counselor-behaviour, each "
                    + "counselor turn's group; or none: the rules' bands and overrides and the counselor roll-up decide. "
                    + "Default: the shipped defaults (client " + (io.github.changetalk.internal.weights.DefaultWeights.ON
                    ? "the fitted file" : "none") + ", counselor " + (io.github.changetalk.internal.weights.DefaultWeights.COUNSELOR_ON
                    ? "the fitted file" : "none") + "; see README).")
    String weights;

    @Option(names = "--reflected-talk",
            description = "Read every counselor turn that holds a reflection or ends in a closed question in the client's "
                    + "voice as it is coded, so that its coding's reflected field says what talk it carries. Slower; "
                    + "client labels are the same. Default: reflected is null (not read); the client turn after reads "
                    + "the counselor turn only when it needs to.")
    boolean reflectedTalk;

    /** What {@code --weights} may say besides a file: the rules decide. */
    static final String NONE = "none";
    /** {@code eval --folds COLUMN --weights fit}: fit on the other folds, score each fold (eval only). */
    static final String FIT = "fit";

    /** Whether {@code --weights fit} was asked for. */
    boolean fitWeights() {
        return weights != null && weights.strip().equals(FIT);
    }

    private static volatile Classifier shared;

    /**
     * The classifier these options ask for. The default configuration is built once per JVM and shared
     * (it is immutable and thread-safe, and loading CoreNLP costs seconds); packs given on the command
     * line are read afresh each time. A broken pack is a usage error (exit 2) naming file, line and rule.
     */
    public Classifier build() {
        return build(null);
    }

    /**
     * As {@link #build()}; {@code firstInput} (may be null) is the text to be classified first, which lets
     * a classifier built now start loading the parser at once when that text will need it.
     */
    public Classifier build(String firstInput) {
        boolean defaults = rules.isEmpty() && onlyRules.isEmpty() && disable.isEmpty() && weights == null && !reflectedTalk;
        if (defaults) {
            Classifier c = shared;
            if (c == null) {
                synchronized (ClassifierOptions.class) {
                    c = shared;
                    if (c == null) {
                        shared = c = load(firstInput);
                    }
                }
            }
            return c;
        }
        return load(firstInput);
    }

    /**
     * Names the pattern index (see {@link Startup#patternIndex}) the launcher writes after each build; a
     * missing or stale file is ignored.
     */
    static final String PATTERN_INDEX_PROPERTY = "changetalk.patternIndex";

    /** A builder configured by these options: the packs and the disabled rules. */
    Classifier.Builder builder() {
        Classifier.Builder b = Classifier.builder();
        if (!onlyRules.isEmpty()) {
            b.noDefaultRules();
        }
        packs().forEach(b::addRules);
        if (!disable.isEmpty()) {
            b.disable(disabled());
        }
        b.readReflectedTalk(reflectedTalk);
        if (weights != null) {
            String w = weights.strip();
            if (w.equals(NONE) || w.equals(FIT)) {
                b.noWeights(); // fit: the command fits and applies weights itself, from readings
            } else if (w.isEmpty()) {
                throw new CliException(CliException.USAGE, "--weights: give a weights file or none");
            } else {
                b.weights(Path.of(w));
            }
        }
        return b;
    }

    /** The packs these options add, in load order (after the default packs, unless --only-rules). */
    private List<Path> packs() {
        List<Path> packs = new ArrayList<>(onlyRules);
        packs.addAll(rules);
        return packs;
    }

    private List<String> disabled() {
        return disable.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * How the command starts a classifier. The parser loads in the background once an input could need it:
     * a line with no trigger word never loads it. Without its precomputed table it loads ~1 s faster and
     * parses ~9% slower; with parse gating that costs ~3% of batch throughput and saves a second on every
     * short run. The pattern index, when the launcher has written one, spares parsing at start-up.
     */
    private static Startup startup(String firstInput) {
        String index = System.getProperty(PATTERN_INDEX_PROPERTY);
        return new Startup(true, 0, true, index == null || index.isBlank() ? null : Path.of(index), firstInput);
    }

    private Classifier load(String firstInput) {
        try {
            return startup(firstInput).during(() -> builder().build());
        } catch (RulePackException | IllegalArgumentException | IllegalStateException e) {
            throw new CliException(CliException.USAGE, e.getMessage(), e);
        }
    }

    /** Writes the pattern index of the packs these options load (see {@link Startup#writePatternIndex}). */
    void writePatternIndex(Path file) throws IOException {
        Startup.writePatternIndex(onlyRules.isEmpty(), packs(), disabled(), file);
    }
}
