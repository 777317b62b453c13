package io.github.changetalk.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.changetalk.Classifier;
import io.github.changetalk.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;

/** The testdata sessions, a reference classifier, the command line run in-process, and reading job output. */
final class TestData {
    static final Path ROOT = Path.of(System.getProperty("changetalk.root", "..")).toAbsolutePath().normalize();
    static final ObjectMapper JSON = new ObjectMapper();

    private TestData() {
    }

    /** The coded testdata sessions (CSV: session, turn, speaker, text, label, kind, topic), in path order. */
    static List<Path> sessionFiles() {
        try (Stream<Path> s = Files.list(ROOT.resolve("testdata/sessions"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".gold.csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> strings(List<Path> paths) {
        return paths.stream().map(Path::toString).toList();
    }

    /**
     * The default packs' classifier: the one this JVM's local[2] tasks use (the test JVM holds one, not
     * two). The tests compare the job's labels with what the library's own methods give with it.
     */
    static Classifier reference() {
        return ExecutorClassifier.get(ClassifierConfig.of(List.of(), List.of(), List.of(), "none"), millis -> { });
    }

    /** {@code changetalk ARGS} in-process: its standard output as JSON Lines records. */
    static List<ObjectNode> commandLine(String... args) {
        return parse(commandLineText(args).lines().toList());
    }

    /** {@code changetalk ARGS} in-process: its standard output. */
    static String commandLineText(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = Main.run(cl, args);
        if (code != 0) {
            throw new AssertionError("changetalk exited " + code + ": " + err);
        }
        return out.toString();
    }

    /** The part files of a job's output directory with this extension, in name order. */
    static List<Path> parts(Path dir, String extension) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("part-") && p.getFileName().toString().endsWith(extension))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON Lines records under a job's output directory, read in part-file order. */
    static List<ObjectNode> jsonParts(Path dir) {
        List<String> lines = new ArrayList<>();
        for (Path p : parts(dir, ".json")) {
            try {
                lines.addAll(Files.readAllLines(p));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return parse(lines);
    }

    static List<ObjectNode> parse(List<String> lines) {
        List<ObjectNode> out = new ArrayList<>();
        for (String l : lines) {
            if (!l.isBlank()) {
                try {
                    out.add((ObjectNode) JSON.readTree(l));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }

    /**
     * A record as the command line writes it: the job's row_id dropped, a null error left out, and a
     * sentence's empty notices left out (the command line writes both only when there is something).
     */
    static ObjectNode asCommandLineWrites(ObjectNode jobRecord) {
        ObjectNode o = jobRecord.deepCopy();
        o.remove(RecordSchema.ROW_ID);
        if (o.path("error").isNull()) {
            o.remove("error");
        }
        for (JsonNode s : o.path("sentences")) {
            if (s.path("notices").isArray() && s.path("notices").isEmpty()) {
                ((ObjectNode) s).remove("notices");
            }
        }
        return o;
    }
}
