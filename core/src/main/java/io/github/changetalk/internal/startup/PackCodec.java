package io.github.changetalk.internal.startup;

import io.github.changetalk.Band;
import io.github.changetalk.Behaviour;
import io.github.changetalk.CounselorCoding;
import io.github.changetalk.MiscCode;
import io.github.changetalk.Speaker;
import io.github.changetalk.internal.pack.AfterSpec;
import io.github.changetalk.internal.pack.Cue;
import io.github.changetalk.internal.pack.HelperSpec;
import io.github.changetalk.Direction;
import io.github.changetalk.Kind;
import io.github.changetalk.internal.pack.Echo;
import io.github.changetalk.internal.pack.ExampleSpec;
import io.github.changetalk.internal.pack.GraphKind;
import io.github.changetalk.internal.pack.LexiconSpec;
import io.github.changetalk.internal.pack.MacroSpec;
import io.github.changetalk.internal.pack.PackSpec;
import io.github.changetalk.internal.pack.PatternSpec;
import io.github.changetalk.internal.pack.PatternType;
import io.github.changetalk.internal.pack.RuleSpec;
import io.github.changetalk.internal.pack.TargetDirection;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsed packs in a compact binary form, kept in the start-up index beside the YAML they came from:
 * reading them back takes a few milliseconds, where parsing the YAML of the default packs takes a
 * fifth of a second in a fresh JVM. A pack is used from the index only when its text is unchanged
 * ({@link #digest}), so the rules are always those of the YAML; the codec knows nothing of that.
 *
 * <p>Layout: every string once, in a table (its lengths, then all of it as one UTF-8 block), then the
 * packs as integers that refer to the table. A null string or enum is written as -1.
 */
public final class PackCodec {
    private PackCodec() {
    }

    /**
     * The SHA-256 of a text's UTF-8 bytes, in hex: what a cached pack is checked against (and what the
     * pattern index's lexicon fingerprint is made with).
     */
    public static String digest(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(d.length * 2);
            for (byte x : d) {
                hex.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    public static void write(DataOutputStream out, List<PackSpec> packs) throws IOException {
        Writer w = new Writer();
        w.ints.add(packs.size());
        for (PackSpec p : packs) {
            w.pack(p);
        }
        out.writeInt(w.strings.size());
        StringBuilder all = new StringBuilder();
        for (String s : w.strings) {
            out.writeInt(s.length());
            all.append(s);
        }
        byte[] bytes = all.toString().getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
        out.writeInt(w.ints.size());
        for (int i : w.ints) {
            out.writeInt(i);
        }
    }

    /** Reads what {@link #write} wrote; damage (counts or references out of range) is an IOException. */
    public static List<PackSpec> read(ByteBuffer in) throws IOException {
        try {
            int n = count(in);
            int[] lengths = new int[n];
            for (int i = 0; i < n; i++) {
                lengths[i] = count(in);
            }
            byte[] bytes = new byte[count(in)];
            in.get(bytes);
            String all = new String(bytes, StandardCharsets.UTF_8);
            String[] strings = new String[n];
            int at = 0;
            for (int i = 0; i < n; i++) {
                if (at + lengths[i] > all.length()) {
                    throw new IOException("damaged pack cache (strings)");
                }
                strings[i] = all.substring(at, at + lengths[i]);
                at += lengths[i];
            }
            int[] ints = new int[count(in)];
            in.asIntBuffer().get(ints);
            in.position(in.position() + ints.length * Integer.BYTES);
            Reader r = new Reader(strings, ints);
            int packs = r.count();
            List<PackSpec> out = new ArrayList<>(packs);
            for (int i = 0; i < packs; i++) {
                out.add(r.pack());
            }
            if (r.at != ints.length) {
                throw new IOException("damaged pack cache (data after the end)");
            }
            return out;
        } catch (java.nio.BufferUnderflowException e) {
            throw new IOException("damaged pack cache (truncated)");
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException | NullPointerException e) {
            throw new IOException("damaged pack cache (" + e.getMessage() + ")");
        }
    }

    private static int count(ByteBuffer in) throws IOException {
        int n = in.getInt();
        if (n < 0 || n > 100_000_000) {
            throw new IOException("damaged pack cache (a count of " + n + ")");
        }
        return n;
    }

    private static final class Writer {
        final List<String> strings = new ArrayList<>();
        final Map<String, Integer> ids = new HashMap<>();
        final List<Integer> ints = new ArrayList<>();

        void string(String s) {
            ints.add(s == null ? -1 : ids.computeIfAbsent(s, k -> {
                strings.add(k);
                return strings.size() - 1;
            }));
        }

        void strings(List<String> list) {
            ints.add(list.size());
            list.forEach(this::string);
        }

        void ordinal(Enum<?> e) {
            ints.add(e == null ? -1 : e.ordinal());
        }

        void pack(PackSpec p) {
            string(p.source());
            string(p.name());
            string(p.description());
            string(p.target());
            strings(p.aliases());
            ints.add(p.lexicons().size());
            for (LexiconSpec l : p.lexicons()) {
                string(l.source());
                string(l.name());
                ints.add(l.line());
                strings(l.entries());
                string(l.target());
            }
            ints.add(p.macros().size());
            for (MacroSpec m : p.macros()) {
                string(m.source());
                string(m.name());
                ints.add(m.line());
                string(m.text());
                string(m.written());
            }
            ints.add(p.rules().size());
            for (RuleSpec r : p.rules()) {
                rule(r);
            }
            ordinal(p.speaker());
            ordinal(p.direction());
        }

        void rule(RuleSpec r) {
            string(r.source());
            string(r.pack());
            string(r.id());
            ints.add(r.line());
            ordinal(r.direction());
            ordinal(r.kind());
            ordinal(r.band());
            strings(r.overrides());
            string(r.description());
            patterns(r.patterns());
            patterns(r.unless());
            patterns(r.context());
            ints.add(r.examples().size());
            for (ExampleSpec e : r.examples()) {
                string(e.text());
                string(e.context());
                ints.add(e.match() ? 1 : 0);
                ints.add(e.line());
                string(e.target());
            }
            ordinal(r.echo());
            HelperSpec h = r.helper();
            ints.add(h == null ? 0 : 1);
            if (h != null) {
                ordinal(h.code());
                ordinal(h.function());
                ordinal(h.asks());
                ordinal(h.dimension());
                ordinal(h.cue());
            }
            AfterSpec a = r.after();
            ints.add(a == null ? 0 : 1);
            if (a != null) {
                ordinals(a.behaviour());
                ordinals(a.code());
                ordinals(a.question());
                ordinals(a.function());
                ordinals(a.asks());
                ordinals(a.dimension());
                ordinals(a.reflected());
            }
            targets(r.targets());
        }

        void ordinals(java.util.Set<? extends Enum<?>> set) {
            ints.add(set.size());
            set.stream().sorted(java.util.Comparator.comparingInt(Enum::ordinal)).forEach(this::ordinal);
        }

        void targets(java.util.Set<TargetDirection> targets) {
            ints.add(targets.size());
            targets.forEach(this::ordinal);
        }

        void patterns(List<PatternSpec> list) {
            ints.add(list.size());
            for (PatternSpec p : list) {
                ordinal(p.type());
                string(p.text());
                ordinal(p.graph());
                ints.add(p.line());
                string(p.slot());
                string(p.written());
            }
        }
    }

    private static final class Reader {
        final String[] strings;
        final int[] ints;
        int at;

        Reader(String[] strings, int[] ints) {
            this.strings = strings;
            this.ints = ints;
        }

        int next() {
            return ints[at++];
        }

        int count() {
            int n = next();
            if (n < 0) {
                throw new IllegalArgumentException("a count of " + n);
            }
            return n;
        }

        String string() {
            int i = next();
            return i == -1 ? null : strings[i];
        }

        List<String> strings() {
            int n = count();
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(string());
            }
            return out;
        }

        <E extends Enum<E>> E ordinal(E[] values) {
            int i = next();
            return i == -1 ? null : values[i];
        }

        PackSpec pack() {
            String source = string();
            String name = string();
            String description = string();
            String target = string();
            List<String> aliases = strings();
            int lexiconCount = count();
            List<LexiconSpec> lexicons = new ArrayList<>(lexiconCount);
            for (int i = 0; i < lexiconCount; i++) {
                lexicons.add(new LexiconSpec(string(), string(), next(), strings(), string()));
            }
            int macroCount = count();
            List<MacroSpec> macros = new ArrayList<>(macroCount);
            for (int i = 0; i < macroCount; i++) {
                macros.add(new MacroSpec(string(), string(), next(), string(), string()));
            }
            int ruleCount = count();
            List<RuleSpec> rules = new ArrayList<>(ruleCount);
            for (int i = 0; i < ruleCount; i++) {
                rules.add(rule());
            }
            Speaker speaker = ordinal(Speaker.values());
            TargetDirection direction = ordinal(TargetDirection.values());
            return new PackSpec(source, name, description, target, aliases, lexicons, macros, rules, speaker, direction);
        }

        RuleSpec rule() {
            String source = string();
            String pack = string();
            String id = string();
            int line = next();
            Direction direction = ordinal(Direction.values());
            Kind kind = ordinal(Kind.values());
            Band band = ordinal(Band.values());
            List<String> overrides = strings();
            String description = string();
            List<PatternSpec> patterns = patterns();
            List<PatternSpec> unless = patterns();
            List<PatternSpec> context = patterns();
            int exampleCount = count();
            List<ExampleSpec> examples = new ArrayList<>(exampleCount);
            for (int i = 0; i < exampleCount; i++) {
                examples.add(new ExampleSpec(string(), string(), next() == 1, next(), string()));
            }
            Echo echo = ordinal(Echo.values());
            HelperSpec helper = next() == 1 ? new HelperSpec(ordinal(MiscCode.values()), ordinal(CounselorCoding.Function.values()),
                    ordinal(Kind.values()), ordinal(CounselorCoding.Dimension.values()), ordinal(Cue.values())) : null;
            AfterSpec after = next() == 1 ? new AfterSpec(ordinals(Behaviour.values()), ordinals(MiscCode.values()),
                    ordinals(CounselorCoding.QuestionKind.values()), ordinals(CounselorCoding.Function.values()),
                    ordinals(Kind.values()), ordinals(CounselorCoding.Dimension.values()), ordinals(Direction.values())) : null;
            int targetCount = count();
            Set<TargetDirection> targets = EnumSet.noneOf(TargetDirection.class);
            for (int i = 0; i < targetCount; i++) {
                targets.add(ordinal(TargetDirection.values()));
            }
            return new RuleSpec(source, pack, id, line, direction, kind, band, overrides, description, patterns,
                    unless, context, examples, echo, helper, after, targets);
        }

        <E extends Enum<E>> java.util.Set<E> ordinals(E[] values) {
            int n = count();
            java.util.Set<E> out = new java.util.LinkedHashSet<>();
            for (int i = 0; i < n; i++) {
                out.add(ordinal(values));
            }
            return out;
        }

        List<PatternSpec> patterns() {
            int n = count();
            List<PatternSpec> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new PatternSpec(ordinal(PatternType.values()), string(), ordinal(GraphKind.values()), next(),
                        string(), string()));
            }
            return out;
        }
    }
}
