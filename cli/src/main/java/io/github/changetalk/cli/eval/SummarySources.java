package io.github.changetalk.cli.eval;

import io.github.changetalk.cli.CliException;
import io.github.changetalk.cli.io.InputRecord;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a {@code --summary} read: the files, in order, and a guard against counting a session twice. A
 * folder holding a session's transcript ({@code name.txt}) and its coded table ({@code name.gold.csv},
 * with a {@code session} column saying {@code name}) gives that session twice; summed, every figure of
 * it and of the total would double. A session is known by its {@code session} field, or, for a record
 * that has none (a text file's), by its file's name up to the first dot; two files giving the same
 * session are refused (a usage error naming both). Not thread-safe: fed by the one writer thread.
 */
public final class SummarySources {
    private final Set<String> files = new LinkedHashSet<>();
    private final Map<String, String> fileOfSession = new HashMap<>();

    /** Notes the record's file and session; a usage error when another file gave this session already. */
    public void add(InputRecord r) {
        files.add(r.source());
        if (r.session() == null) {
            return; // a record that could not be read has no session
        }
        String session = r.session().equals(r.source()) ? stem(r.source()) : r.session();
        String first = fileOfSession.putIfAbsent(session, r.source());
        if (first != null && !first.equals(r.source())) {
            throw new CliException(CliException.USAGE, "session '" + session + "' is in two inputs, " + first + " and "
                    + r.source() + ": --summary would count it twice (name only one of them, e.g. DIR/*.txt)");
        }
    }

    /** One line naming the inputs read, e.g. {@code read 2 inputs: a.txt, b.txt}; null when only standard input was. */
    public String describe() {
        if (files.isEmpty() || files.equals(Set.of("-"))) {
            return null;
        }
        return "read " + files.size() + (files.size() == 1 ? " input: " : " inputs: ")
                + String.join(", ", files.stream().map(f -> f.equals("-") ? "standard input" : f).toList());
    }

    /** A file's name up to its first dot: {@code dir/a.gold.csv} is session {@code a}. */
    static String stem(String source) {
        if (source.equals("-")) {
            return source;
        }
        Path name = Path.of(source).getFileName();
        String n = name == null ? source : name.toString();
        int dot = n.indexOf('.', 1);
        return dot < 0 ? n : n.substring(0, dot);
    }
}
