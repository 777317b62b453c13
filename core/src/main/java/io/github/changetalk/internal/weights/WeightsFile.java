package io.github.changetalk.internal.weights;

import io.github.changetalk.RulePackException;
import io.github.changetalk.internal.pack.YamlNode;
import io.github.changetalk.internal.pack.YamlReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The weights file: readable YAML, one line per feature, a provenance header, and no text from any data.
 *
 * <pre>
 * # changetalk evidence weights ...
 * decides: client-direction
 * provenance:
 *   corpora: [../shared/data/annomi-dev/transcripts.csv (folds 0 1), testdata/gold/dev.csv]
 *   fitting: multinomial logistic regression, L2 lambda 30 chosen by 5-fold session-grouped CV ...
 *   commit: 0123abc
 * classes: [change, sustain, neutral]
 * bias: [-0.4121, -1.0230, 1.4351]
 * weights:                                  # toward: change, sustain, neutral
 *   DESIRE_WANT_GENERAL: [0.6120, -0.2210, -0.3910]   # n=41
 *   prior=change: [1.1034, -0.3120, -0.7914]          # n=690
 * </pre>
 *
 * {@code provenance} values are scalars or lists of scalars; comments are the writer's help to a reader
 * (a feature's count in the training data) and are ignored when read. The writer is deterministic:
 * features sorted by name, four decimals, so the same model is the same file.
 */
public final class WeightsFile {
    private static final Set<String> KEYS = Set.of("decides", "provenance", "classes", "bias", "weights");

    private WeightsFile() {
    }

    /** Reads a weights file from disk; errors name it as given. */
    public static EvidenceWeights read(java.nio.file.Path file) {
        String name = file.toString();
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(YamlReader.MAX_CHARS * 4 + 1);
            if (bytes.length > YamlReader.MAX_CHARS * 4) {
                throw new WeightsFileException(name, 0, "the file is too large for a weights file");
            }
            return read(name, decode(name, bytes));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new WeightsFileException(name, 0, "cannot read weights file: no such file");
        } catch (java.io.IOException e) {
            throw new WeightsFileException(name, 0, "cannot read weights file: " + e.getMessage());
        }
    }

    /** Reads a weights file from the classpath, e.g. {@link DefaultWeights#RESOURCE}. */
    public static EvidenceWeights readResource(String resource) {
        try (java.io.InputStream in = WeightsFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new WeightsFileException(resource, 0, "no such weights file on the classpath");
            }
            return read(resource, decode(resource, in.readAllBytes()));
        } catch (java.io.IOException e) {
            throw new WeightsFileException(resource, 0, "cannot read weights file: " + e.getMessage());
        }
    }

    private static String decode(String name, byte[] bytes) {
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new WeightsFileException(name, 0, "a weights file is UTF-8 text, and this is not");
        }
    }

    /** Reads a weights file; {@code source} names it in errors. */
    public static EvidenceWeights read(String source, String text) {
        YamlNode root;
        try {
            root = YamlReader.read(source, text);
        } catch (RulePackException e) {
            throw new WeightsFileException(source, e.line(), e.detail().replace("rule packs", "weights files")
                    .replace("the pack is empty", "the file is empty").replace("a pack is", "a weights file is")
                    .replace("pack is larger", "file is larger"));
        }
        if (!(root instanceof YamlNode.Mapping top)) {
            throw new WeightsFileException(source, root.line(), "a weights file is a mapping with "
                    + "decides, provenance, classes, bias and weights; found " + root.typeName());
        }
        for (Map.Entry<String, Integer> k : top.keyLines().entrySet()) {
            if (!KEYS.contains(k.getKey())) {
                throw new WeightsFileException(source, k.getValue(), "unknown key '" + k.getKey()
                        + "' (a weights file has decides, provenance, classes, bias and weights)");
            }
        }
        String decides = scalar(source, required(source, top, "decides"), "decides");
        Map<String, List<String>> provenance = provenance(source, required(source, top, "provenance"));
        YamlNode classesNode = required(source, top, "classes");
        List<String> classes = new ArrayList<>();
        for (YamlNode n : sequence(source, classesNode, "classes")) {
            classes.add(scalar(source, n, "a class"));
        }
        double[] bias = numbers(source, required(source, top, "bias"), "bias", classes.size());
        YamlNode weightsNode = required(source, top, "weights");
        Map<String, double[]> weights = new LinkedHashMap<>();
        if (!(weightsNode instanceof YamlNode.Scalar s && s.value() == null)) {
            if (!(weightsNode instanceof YamlNode.Mapping m)) {
                throw new WeightsFileException(source, weightsNode.line(), "weights: expected a mapping of feature "
                        + "to one weight per class, found " + weightsNode.typeName());
            }
            for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
                int line = m.keyLines().get(e.getKey());
                if (!EvidenceWeights.FEATURE.matcher(e.getKey()).matches()) {
                    throw new WeightsFileException(source, line, "'" + e.getKey() + "' is not a feature name "
                            + "(a rule id, or a context feature such as prior=change)");
                }
                weights.put(e.getKey(), numbers(source, e.getValue(), "feature " + e.getKey(), classes.size()));
            }
        }
        try {
            return new EvidenceWeights(decides, classes, bias, weights, provenance);
        } catch (IllegalArgumentException e) {
            throw new WeightsFileException(source, classesNode.line(), e.getMessage());
        }
    }

    /** The model as a weights file: header comments, then the keys, one line per feature. */
    public static String write(EvidenceWeights model, List<String> headerComments, Map<String, Integer> featureCounts) {
        StringBuilder b = new StringBuilder();
        for (String c : headerComments) {
            b.append("# ").append(c).append('\n');
        }
        b.append("decides: ").append(model.decides()).append('\n');
        b.append("provenance:\n");
        for (Map.Entry<String, List<String>> e : model.provenance().entrySet()) {
            b.append("  ").append(e.getKey()).append(':');
            if (e.getValue().size() == 1) {
                b.append(' ').append(quote(e.getValue().get(0))).append('\n');
            } else {
                b.append('\n');
                for (String v : e.getValue()) {
                    b.append("    - ").append(quote(v)).append('\n');
                }
            }
        }
        b.append("classes: [").append(String.join(", ", model.classes())).append("]\n");
        int k = model.classes().size();
        double[] bias = new double[k];
        for (int c = 0; c < k; c++) {
            bias[c] = model.bias(c);
        }
        b.append("bias: ").append(list(bias)).append('\n');
        b.append("weights:   # toward ").append(String.join(", ", model.classes())).append('\n');
        int width = model.features().stream().mapToInt(String::length).max().orElse(0) + 1;
        for (String f : model.features()) {
            double[] w = new double[k];
            for (int c = 0; c < k; c++) {
                w[c] = model.weight(f, c);
            }
            b.append("  ").append(f).append(':').append(" ".repeat(width - f.length())).append(list(w));
            Integer n = featureCounts.get(f);
            if (n != null) {
                b.append("   # n=").append(n);
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** Four decimals, never "-0.0000", at a fixed width so the columns line up. */
    static String number(double v) {
        String s = BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
        if (s.equals("-0.0000")) {
            s = "0.0000";
        }
        return " ".repeat(Math.max(0, 8 - s.length())) + s;
    }

    private static String list(double[] values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ", ").append(number(values[i]));
        }
        return b.append(']').toString();
    }

    /** A provenance value as a YAML scalar: double-quoted, so that colons and hashes stay text. */
    private static String quote(String v) {
        return '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static YamlNode required(String source, YamlNode.Mapping m, String key) {
        YamlNode n = m.entries().get(key);
        if (n == null) {
            throw new WeightsFileException(source, m.line(), "missing key '" + key + "'");
        }
        return n;
    }

    private static String scalar(String source, YamlNode n, String what) {
        if (n instanceof YamlNode.Scalar s && s.value() != null && !s.value().isBlank()) {
            return s.value().strip();
        }
        throw new WeightsFileException(source, n.line(), what + ": expected a word, found " + n.typeName());
    }

    private static List<YamlNode> sequence(String source, YamlNode n, String what) {
        if (n instanceof YamlNode.Sequence s) {
            return s.items();
        }
        throw new WeightsFileException(source, n.line(), what + ": expected a list, found " + n.typeName());
    }

    private static double[] numbers(String source, YamlNode n, String what, int count) {
        List<YamlNode> items = sequence(source, n, what);
        if (items.size() != count) {
            throw new WeightsFileException(source, n.line(), what + " has " + items.size() + " weights, but there are "
                    + count + " classes");
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            String s = scalar(source, items.get(i), what);
            try {
                out[i] = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new WeightsFileException(source, items.get(i).line(), what + ": '" + s + "' is not a number");
            }
            if (!Double.isFinite(out[i])) {
                throw new WeightsFileException(source, items.get(i).line(), what + ": '" + s + "' is not a finite number");
            }
        }
        return out;
    }

    private static Map<String, List<String>> provenance(String source, YamlNode n) {
        if (!(n instanceof YamlNode.Mapping m)) {
            throw new WeightsFileException(source, n.line(), "provenance: expected a mapping (corpora, folds, "
                    + "fitting, commit...), found " + n.typeName());
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
            YamlNode v = e.getValue();
            List<String> values = new ArrayList<>();
            if (v instanceof YamlNode.Sequence s) {
                for (YamlNode item : s.items()) {
                    values.add(scalar(source, item, "provenance " + e.getKey()));
                }
            } else {
                values.add(scalar(source, v, "provenance " + e.getKey()));
            }
            out.put(e.getKey(), values);
        }
        return out;
    }
}
