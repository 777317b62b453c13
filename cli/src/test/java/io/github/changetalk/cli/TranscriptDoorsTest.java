package io.github.changetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.changetalk.Classifier;
import io.github.changetalk.CounselorCoding;
import io.github.changetalk.SentenceResult;
import io.github.changetalk.Turn;
import io.github.changetalk.UtteranceResult;
import io.github.changetalk.cli.io.InputRecord;
import io.github.changetalk.cli.io.Inputs;
import io.github.changetalk.cli.io.ReadOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transcript gets the same labels through both doors: the library's {@link Classifier#classifyTranscript}
 * and the command, which classifies record by record with each session's context (both keep it with
 * {@link io.github.changetalk.ContextWindow}). Checked on every testdata session file, read by the
 * command's own readers for the library door, and on a transcript with blank turns.
 */
class TranscriptDoorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of(System.getProperty("changetalk.root", ".."));

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyTestdataSessionGetsTheSameLabelsThroughBothDoors() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(ROOT.resolve("testdata"))) {
            files = walk.filter(f -> f.toString().endsWith(".csv") || f.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        return files.stream().map(f -> DynamicTest.dynamicTest(ROOT.relativize(f).toString(), () -> assertSameThroughBothDoors(f)));
    }

    @Test
    void blankTurnsAreNotContextThroughEitherDoor() throws IOException {
        Path session = dir.resolve("blank-turns.txt");
        Files.writeString(session, String.join("\n",
                "Counselor: Do you want to cut down on the drinking?",
                "",
                "Client: Yes, definitely.",
                "Counselor: So cutting down matters to you.",
                "Counselor:   ",
                "Client: It does.",
                ""), StandardCharsets.UTF_8);
        List<UtteranceResult> library = assertSameThroughBothDoors(session);
        // The empty line (a client record with no words) is no context: the answer still follows the question.
        assertThat(library).extracting(r -> r.label() == null ? null : r.label().id())
                .startsWith(null, "neutral", "desire", null, null);
    }

    @Test
    void reflectedTalkIsReadOnAskingAndChangesNoLabel() throws IOException {
        Path session = dir.resolve("reflections.txt");
        Files.writeString(session, String.join("\n",
                "Counselor: So you're worried about what it's doing to your liver.",
                "Client: It does worry me.",
                "Counselor: What else would you like to talk about?",
                "Client: My sleep, I suppose.",
                "Counselor: So cutting down matters to you.",
                "Client: Yes.",
                ""), StandardCharsets.UTF_8);
        Cli.Result plain = Cli.run("", "--format", "jsonl", session.toString());
        Cli.Result read = Cli.run("", "--format", "jsonl", "--reflected-talk", session.toString());
        assertThat(plain.code()).as(plain.err()).isZero();
        assertThat(read.code()).as(read.err()).isZero();
        List<JsonNode> a = new ArrayList<>();
        List<JsonNode> b = new ArrayList<>();
        for (String line : plain.lines()) {
            a.add(JSON.readTree(line));
        }
        for (String line : read.lines()) {
            b.add(JSON.readTree(line));
        }
        assertThat(a).hasSize(6).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).get("label")).as("record " + (i + 1)).isEqualTo(b.get(i).get("label"));
            assertThat(a.get(i).get("sentences")).isEqualTo(b.get(i).get("sentences"));
        }
        assertThat(a.get(0).get("coding").get("reflected").isNull()).as("not read by default").isTrue();
        JsonNode reflection = b.get(0).get("coding").get("reflected");
        assertThat(text(reflection.get("direction"))).as("a reflection, read as it is coded").isEqualTo("change");
        assertThat(b.get(2).get("coding").get("reflected").isNull()).as("an open question is never read").isTrue();
        JsonNode none = b.get(4).get("coding").get("reflected");
        assertThat(text(none.get("direction"))).as("read, and no change or sustain talk in it").isEqualTo("neutral");
        assertThat(none.get("rule").isNull()).isTrue();
    }

    /** Classifies the file through the command and through the library; returns the library's results. */
    private static List<UtteranceResult> assertSameThroughBothDoors(Path file) throws IOException {
        Cli.Result command = Cli.run("", "--format", "jsonl", file.toString());
        assertThat(command.code()).as(command.err()).isZero();
        List<JsonNode> records = new ArrayList<>();
        for (String line : command.lines()) {
            records.add(JSON.readTree(line));
        }
        List<UtteranceResult> library = throughTheLibrary(file);
        assertThat(records).as(file.toString()).hasSameSizeAs(library);
        for (int i = 0; i < records.size(); i++) {
            JsonNode r = records.get(i);
            UtteranceResult expected = library.get(i);
            String where = file.getFileName() + " record " + (i + 1);
            assertThat(text(r.get("label"))).as(where).isEqualTo(expected.label() == null ? null : expected.label().id());
            assertThat(text(r.get("kind"))).as(where).isEqualTo(expected.kind() == null ? null : expected.kind().id());
            List<String> sentences = new ArrayList<>();
            r.get("sentences").forEach(s -> sentences.add(text(s.get("label")) + " " + text(s.get("rule"))));
            assertThat(sentences).as(where).isEqualTo(expected.sentences().stream()
                    .map((SentenceResult s) -> s.label().id() + " " + s.decidedBy()).toList());
            // Counselor turns are coded alike: the command codes each on a worker and hands the coding to the
            // client turn after it; the library codes them in order.
            assertThat(coding(r.get("coding"))).as(where + " coding").isEqualTo(coding(expected.coding()));
        }
        return library;
    }

    /** A coding as the command writes it: code, rule, kinds, permission, the act answered, the talk reflected, each sentence. */
    private static List<String> coding(JsonNode c) {
        if (c == null || c.isNull()) {
            return null;
        }
        List<String> out = new ArrayList<>(List.of(text(c.get("behaviour")) + " " + text(c.get("code")) + " "
                + text(c.get("rule")) + " " + text(c.get("question")) + " " + text(c.get("reflection")) + " "
                + text(c.get("permission")) + " " + c.get("mi_inconsistent").asBoolean()));
        JsonNode a = c.get("answered");
        out.add(a.isNull() ? "answered none" : "answered " + a.get("sentence").asInt() + " " + text(a.get("code")) + " "
                + text(a.get("rule")) + " " + text(a.get("function")) + " " + text(a.get("asks")) + " " + text(a.get("dimension")));
        JsonNode t = c.get("reflected");
        out.add(t.isNull() ? "reflected not read" : "reflected " + text(t.get("rule")) + " " + text(t.get("label")) + " "
                + text(t.get("kind")) + " " + text(t.get("words")));
        c.get("sentences").forEach(s -> out.add(text(s.get("code")) + " " + text(s.get("rule")) + " "
                + text(s.get("function")) + " " + text(s.get("asks")) + " " + text(s.get("dimension"))));
        return out;
    }

    private static List<String> coding(CounselorCoding c) {
        if (c == null) {
            return null;
        }
        List<String> out = new ArrayList<>(List.of(c.behaviour().id() + " " + c.code().id() + " " + c.decidedBy() + " "
                + id(c.questionKind()) + " " + id(c.reflectionKind()) + " " + c.permission().id() + " " + c.miInconsistent()));
        CounselorCoding.Answered a = c.answered();
        out.add(a == null ? "answered none" : "answered " + a.sentence() + " " + a.code().id() + " " + a.rule() + " "
                + id(a.function()) + " " + id(a.asks()) + " " + id(a.dimension()));
        CounselorCoding.ReflectedTalk t = c.reflected();
        out.add(t == null ? "reflected not read" : "reflected " + t.rule() + " " + t.label().id() + " " + id(t.kind()) + " " + t.words());
        for (CounselorCoding.Sentence s : c.sentences()) {
            out.add(id(s.code()) + " " + s.decidedBy() + " " + id(s.function()) + " " + id(s.asks()) + " " + id(s.dimension()));
        }
        return out;
    }

    /** The written id of a code, kind or function ({@code toString} gives it), or null. */
    private static String id(Object value) {
        return value == null ? null : value.toString();
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    /** The file read by the command's readers, each session given to classifyTranscript with its target. */
    private static List<UtteranceResult> throughTheLibrary(Path file) throws IOException {
        Classifier classifier = new ClassifierOptions().build();
        Map<String, List<InputRecord>> sessions = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        try (Inputs in = Inputs.open(List.of(file.toString()), ReadOptions.defaults(),
                new ByteArrayInputStream(new byte[0]), m -> { })) {
            for (InputRecord r; (r = in.next()) != null; ) {
                assertThat(r.isError()).as(r.where() + ": " + r.error()).isFalse();
                sessions.computeIfAbsent(r.session(), k -> new ArrayList<>()).add(r);
                order.add(r.session());
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Map<String, List<UtteranceResult>> results = new LinkedHashMap<>();
        sessions.forEach((session, records) -> {
            String target = records.get(0).target();
            assertThat(records).as("one target per session").allMatch(r -> java.util.Objects.equals(r.target(), target));
            List<Turn> turns = records.stream().map(r -> new Turn(r.speaker(), r.text())).toList();
            results.put(session, new ArrayList<>(classifier.classifyTranscript(turns, target)));
        });
        List<UtteranceResult> out = new ArrayList<>();
        for (String session : order) {
            out.add(results.get(session).remove(0));
        }
        return out;
    }
}
