package io.github.changetalk.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.changetalk.Speaker;
import io.github.changetalk.Turn;
import io.github.changetalk.UtteranceResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a per-session run over the testdata sessions must give, wherever it ran: every input row once,
 * in input order with its id; each record what {@code changetalk classify --format jsonl} writes for it;
 * one classifier call per client turn; and each session's labels and deciding rules as
 * {@code Classifier.classifyTranscript} gives them.
 */
final class SessionRecordChecks {
    private SessionRecordChecks() {
    }

    static void check(List<ObjectNode> records, List<Path> inputs, long clientTurns, long classifications) {
        List<String> cliArgs = new ArrayList<>(List.of("classify", "--format", "jsonl"));
        cliArgs.addAll(TestData.strings(inputs));
        List<ObjectNode> cli = TestData.commandLine(cliArgs.toArray(String[]::new));

        assertThat(records).hasSize(cli.size());
        for (int i = 0; i < records.size(); i++) {
            assertThat(records.get(i).get(RecordSchema.ROW_ID).asLong()).isEqualTo(i);
        }
        for (int i = 0; i < records.size(); i++) {
            assertThat(TestData.asCommandLineWrites(records.get(i))).as("record %d", i).isEqualTo(cli.get(i));
        }
        long clientRows = cli.stream().filter(r -> r.get("speaker").asText().equals("client")).count();
        assertThat(clientTurns).isEqualTo(clientRows);
        assertThat(classifications).as("classifier calls").isEqualTo(clientRows);

        Map<String, List<ObjectNode>> sessions = new LinkedHashMap<>();
        records.forEach(r -> sessions.computeIfAbsent(r.get("session").asText(), k -> new ArrayList<>()).add(r));
        assertThat(sessions).hasSize(inputs.size());
        for (List<ObjectNode> session : sessions.values()) {
            List<Turn> turns = session.stream().map(r -> new Turn(
                    r.get("speaker").asText().equals("client") ? Speaker.CLIENT : Speaker.COUNSELOR, r.get("text").asText())).toList();
            List<UtteranceResult> expected = TestData.reference().classifyTranscript(turns, session.get(0).get("topic").asText());
            for (int i = 0; i < session.size(); i++) {
                ObjectNode r = session.get(i);
                UtteranceResult e = expected.get(i);
                assertThat(r.get("label").isNull() ? null : r.get("label").asText())
                        .as("%s turn %s", r.get("session"), r.get("turn")).isEqualTo(e.label() == null ? null : e.label().id());
                List<String> rules = new ArrayList<>();
                r.get("sentences").forEach(s -> rules.add(s.get("rule").isNull() ? null : s.get("rule").asText()));
                assertThat(rules).isEqualTo(e.sentences().stream().map(s -> s.decidedBy()).toList());
            }
        }
    }
}
