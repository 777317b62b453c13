package io.github.changetalk.internal.startup;

import io.github.changetalk.internal.compile.CompiledPattern;
import io.github.changetalk.internal.compile.CompiledRule;
import io.github.changetalk.internal.compile.KnownPatterns;
import io.github.changetalk.internal.compile.RuleCompiler;
import io.github.changetalk.internal.pack.PackSpec;
import io.github.changetalk.internal.shortcut.PatternHints;
import io.github.changetalk.internal.shortcut.TriggerGate;
import io.github.changetalk.internal.shortcut.Trigger;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the shortcuts need of each token pattern, known without parsing it: its trigger and its length
 * bound. Written after a build for the packs of that build ({@link #write}), read at start-up
 * ({@link #read}) so that {@link RuleCompiler} can leave each pattern unparsed until a sentence holds
 * its trigger words ({@link KnownPatterns}) and the {@link TriggerGate} take its trigger from here
 * ({@link PatternHints}): parsing every pattern was most of the start-up compile, and a one-line input
 * meets a quarter of the rules at most. Part of the command line's start-up, not of the library's API.
 *
 * <p>An entry is used only for the same pattern text under the same lexicons: the index carries a
 * fingerprint of every lexicon's tokenized entries (and of this format), and an index for other
 * lexicons is not used at all. Patterns it does not hold (a pack added since) are parsed at load as
 * usual. So the index changes when patterns are parsed, never what they match.
 *
 * <p>It also holds the triggers of the dependency patterns ({@link #parserTriggers}), so that a caller
 * who knows its first input can start loading the parser before the rules are compiled: a hint, used
 * before the fingerprint can be checked, that affects timing only. Immutable.
 */
public final class PatternIndex implements KnownPatterns, PatternHints {
    /** Bump when the file layout or the way triggers and length bounds are derived changes. */
    static final int FORMAT = 8;
    private static final String MAGIC = "changetalk-pattern-index";

    private final String fingerprint;
    private final Map<String, Hint> byText;
    private final List<Trigger> parserTriggers;
    private final List<Trigger> matchTriggers;
    private final Map<String, ParsedPack> packs; // by source name

    private PatternIndex(String fingerprint, Map<String, Hint> byText, List<Trigger> parserTriggers,
                         List<Trigger> matchTriggers, Map<String, ParsedPack> packs) {
        this.fingerprint = fingerprint;
        this.byText = byText;
        this.parserTriggers = parserTriggers;
        this.matchTriggers = matchTriggers;
        this.packs = packs;
    }

    /** A pack as parsed when the index was written, with the {@link PackCodec#digest} of its text then. */
    public record ParsedPack(String digest, PackSpec spec) {
    }

    /**
     * The pack parsed from exactly this source and text when the index was written, or null: then the
     * caller parses the YAML. Saves parsing YAML at start-up (the slowest part of the build in a fresh
     * JVM) without ever using rules other than the text's.
     */
    public PackSpec parsedPack(String source, String text) {
        ParsedPack parsed = packs.get(source);
        return parsed != null && parsed.digest().equals(PackCodec.digest(text)) ? parsed.spec() : null;
    }

    /**
     * The triggers of every pattern of the rules without a context (see {@link TriggerGate#matchTriggers}):
     * a text that satisfies none of them is neutral whatever its tags, so a caller who knows its first
     * input need not load the tagger first. Like {@link #parserTriggers}, a hint read before the index
     * is known to fit the packs.
     */
    public List<Trigger> matchTriggers() {
        return matchTriggers;
    }

    /**
     * The triggers of the dependency patterns of the rules the index was written for (see
     * {@link TriggerGate#parserTriggers}); null when none uses the parser.
     */
    public List<Trigger> parserTriggers() {
        return parserTriggers;
    }

    /** Every pattern text the index holds, when it was written for these lexicons; else none. */
    @Override
    public Set<String> knownUnder(Map<String, Set<List<String>>> lexicons) {
        return fingerprint.equals(fingerprint(lexicons)) ? byText.keySet() : Set.of();
    }

    /** The trigger and bound of a pattern text, or null; meaningful for the lexicons of {@link #knownUnder}. */
    @Override
    public Hint lookup(String text) {
        return byText.get(text);
    }

    int size() {
        return byText.size();
    }

    /**
     * The fingerprint of a compilation's lexicons: each referenced lexicon's name and tokenized entries,
     * in name order, with the format number. {@code lexicons} maps name to entries.
     */
    static String fingerprint(Map<String, ? extends Iterable<List<String>>> lexicons) {
        StringBuilder b = new StringBuilder(MAGIC).append('\u0000').append(FORMAT);
        for (var lexicon : new java.util.TreeMap<>(lexicons).entrySet()) {
            b.append('\u0000').append(lexicon.getKey());
            for (List<String> entry : lexicon.getValue()) {
                b.append('\u0001').append(String.join("\u0002", entry));
            }
        }
        return PackCodec.digest(b.toString());
    }

    /**
     * Writes the index of a rule set's token patterns, replacing {@code file} in one step (a reader
     * never sees half a file).
     *
     * <p>Layout, shaped for a cheap read at start-up: the distinct keys as one UTF-8 block; the distinct
     * key sets (a lexicon's set of hundreds of keys is shared by every clause and pattern naming the
     * lexicon, and is stored, read and interned once); the clauses, each naming its key set; the
     * pattern texts as one block; then per pattern its length bound and clauses, and the dependency
     * patterns' triggers. Reading element by element in long loops once cost more JIT compilation at
     * start-up than the parsing the index saves.
     */
    public static void write(TriggerGate rules, Path file) throws IOException {
        write(rules, List.of(), file);
    }

    /** As {@link #write(TriggerGate, Path)}, with the parsed packs the rules were compiled from. */
    public static void write(TriggerGate rules, List<ParsedPack> parsedPacks, Path file) throws IOException {
        Map<String, Hint> patterns = new LinkedHashMap<>();
        List<CompiledRule> all = rules.rules().rules();
        for (int r = 0; r < all.size(); r++) {
            List<CompiledPattern> slots = all.get(r).allPatterns();
            for (int slot = 0; slot < slots.size(); slot++) {
                String text = slots.get(slot).spec().text();
                if (slots.get(slot) instanceof CompiledPattern.Tokens && text.indexOf(SEPARATOR) < 0) {
                    patterns.putIfAbsent(text, new Hint(rules.trigger(r, slot), rules.maxTokens(r, slot)));
                }
            }
        }
        List<Trigger> parsing = rules.parserTriggers();
        List<Trigger> triggers = new ArrayList<>();
        for (Hint h : patterns.values()) {
            triggers.add(h.trigger());
        }
        if (parsing != null) {
            triggers.addAll(parsing);
        }
        List<Trigger> matching = rules.matchTriggers();
        triggers.addAll(matching);
        // Clauses are told apart by identity, as Trigger does: two equal clauses stay two, so that a
        // trigger read back has exactly the clauses it was written with; their key sets are shared.
        Map<String, Integer> keyIds = new LinkedHashMap<>();
        Map<Set<String>, Integer> keySetIds = new LinkedHashMap<>();
        List<Integer> keySetCosts = new ArrayList<>();
        Map<Trigger.Clause, Integer> clauseIds = new IdentityHashMap<>();
        List<Integer> clauseKeySets = new ArrayList<>();
        for (Trigger trigger : triggers) {
            for (Trigger.Clause c : trigger.clauses()) {
                if (!clauseIds.containsKey(c)) {
                    clauseIds.put(c, clauseKeySets.size());
                    Integer set = keySetIds.get(c.keys());
                    if (set == null) {
                        set = keySetIds.size();
                        keySetIds.put(c.keys(), set);
                        keySetCosts.add(c.cost());
                        for (String key : c.keys()) {
                            keyIds.putIfAbsent(key, keyIds.size());
                        }
                    }
                    clauseKeySets.add(set);
                }
            }
        }
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 16))) {
                out.writeUTF(MAGIC);
                out.writeInt(FORMAT);
                out.writeUTF(fingerprint(rules.rules().lexicons()));
                writeBlock(out, keyIds.keySet());
                out.writeInt(keySetIds.size());
                for (Set<String> keys : keySetIds.keySet()) {
                    out.writeInt(keySetCosts.get(keySetIds.get(keys)));
                    out.writeInt(keys.size());
                    for (String key : keys) {
                        out.writeInt(keyIds.get(key));
                    }
                }
                out.writeInt(clauseKeySets.size());
                for (int set : clauseKeySets) {
                    out.writeInt(set);
                }
                writeBlock(out, patterns.keySet());
                for (Hint h : patterns.values()) {
                    out.writeInt(h.maxTokens());
                    writeTrigger(out, h.trigger(), clauseIds);
                }
                out.writeInt(parsing == null ? -1 : parsing.size());
                for (Trigger t : parsing == null ? List.<Trigger>of() : parsing) {
                    writeTrigger(out, t, clauseIds);
                }
                out.writeInt(matching.size());
                for (Trigger t : matching) {
                    writeTrigger(out, t, clauseIds);
                }
                List<String> digests = new ArrayList<>();
                List<PackSpec> specs = new ArrayList<>();
                for (ParsedPack p : parsedPacks) {
                    digests.add(p.digest());
                    specs.add(p.spec());
                }
                writeBlock(out, digests);
                PackCodec.write(out, specs);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Keys and pattern texts never hold a NUL (a pattern that did would be left out, and parsed at load). */
    private static final char SEPARATOR = '\u0000';

    private static void writeBlock(DataOutputStream out, java.util.Collection<String> items) throws IOException {
        byte[] bytes = String.join(String.valueOf(SEPARATOR), items).getBytes(StandardCharsets.UTF_8);
        out.writeInt(items.size());
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static void writeTrigger(DataOutputStream out, Trigger t, Map<Trigger.Clause, Integer> clauseIds) throws IOException {
        List<Trigger.Clause> own = t.clauses();
        out.writeInt(own.size());
        for (Trigger.Clause c : own) {
            out.writeInt(clauseIds.get(c));
        }
    }


    /**
     * Reads an index; an unreadable, foreign or damaged file is an IOException saying which. The file is
     * read whole and decoded from a buffer: start-up code runs cold, and a stream call per number cost
     * more than the rest of the decoding.
     */
    public static PatternIndex read(Path file) throws IOException {
        In in = new In(ByteBuffer.wrap(Files.readAllBytes(file)), file);
        try {
            if (!MAGIC.equals(in.utf())) {
                throw new IOException(file + ": not a changetalk pattern index");
            }
            int format = in.buffer.getInt();
            if (format != FORMAT) {
                throw new IOException(file + ": pattern index format " + format + ", expected " + FORMAT);
            }
            String fingerprint = in.utf();
            String[] keys = in.block();
            Trigger.Clause[] keySets = readKeySets(in, keys);
            Trigger.Clause[] clauses = new Trigger.Clause[in.count()];
            for (int i = 0; i < clauses.length; i++) {
                clauses[i] = keySets[in.index(keySets.length)].twin();
            }
            String[] texts = in.block();
            Map<String, Hint> byText = new HashMap<>(texts.length * 2);
            for (String text : texts) {
                int maxTokens = in.buffer.getInt();
                byText.put(text, new Hint(in.trigger(clauses), maxTokens));
            }
            int parsing = in.buffer.getInt();
            List<Trigger> parserTriggers = parsing < 0 ? null : in.triggers(in.checked(parsing), clauses);
            List<Trigger> matchTriggers = in.triggers(in.count(), clauses);
            String[] digests = in.block();
            List<PackSpec> specs;
            try {
                specs = PackCodec.read(in.buffer);
            } catch (IOException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
            if (specs.size() != digests.length) {
                throw new IOException(file + ": damaged pattern index (" + specs.size() + " packs for "
                        + digests.length + " digests)");
            }
            Map<String, ParsedPack> packs = new HashMap<>();
            for (int i = 0; i < digests.length; i++) {
                packs.put(specs.get(i).source(), new ParsedPack(digests[i], specs.get(i)));
            }
            if (in.buffer.hasRemaining()) {
                throw new IOException(file + ": damaged pattern index (data after the end)");
            }
            return new PatternIndex(fingerprint, Map.copyOf(byText), parserTriggers, matchTriggers, Map.copyOf(packs));
        } catch (BufferUnderflowException e) {
            throw new IOException(file + ": damaged pattern index (truncated)", e);
        }
    }

    /** Each distinct key set as a clause, with the cost written beside it; clauses are twins of these. */
    private static Trigger.Clause[] readKeySets(In in, String[] keys) throws IOException {
        Trigger.Clause[] sets = new Trigger.Clause[in.count()];
        for (int i = 0; i < sets.length; i++) {
            int cost = in.buffer.getInt();
            int n = in.count();
            if (n == 0) {
                throw new IOException(in.file + ": damaged pattern index (an empty trigger clause)");
            }
            String[] members = new String[n];
            for (int k = 0; k < n; k++) {
                members[k] = keys[in.index(keys.length)];
            }
            try {
                sets[i] = Trigger.Clause.of(Set.of(members), cost);
            } catch (IllegalArgumentException e) {
                throw new IOException(in.file + ": damaged pattern index (a key twice in one clause)");
            }
        }
        return sets;
    }

    /** The file's bytes being decoded, with range checks that turn damage into an IOException naming the file. */
    private static final class In {
        final ByteBuffer buffer;
        final Path file;

        In(ByteBuffer buffer, Path file) {
            this.buffer = buffer;
            this.file = file;
        }

        /** A string as {@link DataOutputStream#writeUTF} wrote it (ASCII here: magic and fingerprint). */
        String utf() throws IOException {
            byte[] bytes = new byte[buffer.getShort() & 0xffff];
            buffer.get(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        int count() throws IOException {
            return checked(buffer.getInt());
        }

        int checked(int n) throws IOException {
            if (n < 0 || n > 10_000_000) {
                throw new IOException(file + ": damaged pattern index (a count of " + n + ")");
            }
            return n;
        }

        int index(int size) throws IOException {
            int i = buffer.getInt();
            if (i < 0 || i >= size) {
                throw new IOException(file + ": damaged pattern index (reference " + i + " of " + size + ")");
            }
            return i;
        }

        /** Strings written by {@link #writeBlock}. */
        String[] block() throws IOException {
            int n = count();
            byte[] bytes = new byte[count()];
            buffer.get(bytes);
            if (n == 0) {
                return new String[0];
            }
            String[] items = new String(bytes, StandardCharsets.UTF_8).split(String.valueOf(SEPARATOR), -1);
            if (items.length != n) {
                throw new IOException(file + ": damaged pattern index (" + items.length + " strings where " + n
                        + " were written)");
            }
            return items;
        }

        Trigger trigger(Trigger.Clause[] clauses) throws IOException {
            int n = count();
            List<Trigger.Clause> own = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                own.add(clauses[index(clauses.length)]);
            }
            return Trigger.ofClauses(own);
        }

        List<Trigger> triggers(int n, Trigger.Clause[] clauses) throws IOException {
            List<Trigger> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(trigger(clauses));
            }
            return List.copyOf(out);
        }
    }
}
