package io.github.changetalk.spark;

import io.github.changetalk.Classifier;
import io.github.changetalk.ContextWindow;
import io.github.changetalk.Reading;
import io.github.changetalk.Speaker;
import io.github.changetalk.Turn;
import io.github.changetalk.Utterance;
import io.github.changetalk.UtteranceResult;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;

/**
 * Labels the rows of one partition, row by row as they stream through (nothing is held but the turns
 * of the context window): each output row is the input row followed by the result fields of
 * {@link RecordSchema#RESULTS}. In per-session mode the partition's rows come sorted by session, then
 * input order, and each turn gets its session's context ({@link ContextWindow}, the library's one definition of it); in per-utterance
 * mode each turn stands alone. Counselor turns are classified too: unlabelled, they carry their helper
 * coding (for the summary's helper scores) when counselor packs are loaded.
 *
 * <p>Serializable, as Spark ships it to the executors: it carries the classifier's configuration,
 * and the classifier itself is the executor's ({@link ExecutorClassifier}), fetched by the first row
 * that needs it.
 */
final class Labeller implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    /** How the error of a row the classifier failed on begins. */
    static final String CLASSIFICATION_FAILED = "classification failed: ";

    /** Where the fields the labeller reads are in an input row; -1 for a column the input lacks. */
    record Layout(int text, int speaker, int topic, int session, int readError, String textColumn, String speakerColumn)
            implements java.io.Serializable {
    }

    /** What the job counts, for its report and to prove that every row was classified once. */
    record Counters(LongAccumulator classified, LongAccumulator builds, LongAccumulator buildMillis,
                    CollectionAccumulator<String> buildJvms) implements java.io.Serializable {
        /** Counts a classifier built in this JVM. */
        void built(long millis) {
            builds.add(1);
            buildMillis.add(millis);
            buildJvms.add(ExecutorClassifier.jvmName());
        }
    }

    private final ClassifierConfig config;
    private final boolean perSession;
    private final Layout layout;
    private final SpeakerTags speakers;
    private final String defaultTarget;
    private final Counters counters;

    Labeller(ClassifierConfig config, boolean perSession, Layout layout, SpeakerTags speakers, String defaultTarget,
             Counters counters) {
        this.config = config;
        this.perSession = perSession;
        this.layout = layout;
        this.speakers = speakers;
        this.defaultTarget = defaultTarget;
        this.counters = counters;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        return new Iterator<>() {
            private ContextWindow window = new ContextWindow();
            private Object session;
            private Classifier classifier;
            private Reading previous; // the session's last client turn that was not blank, for the evidence weights

            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                Row in = rows.next();
                Object key = in.get(layout.session());
                if (!Objects.equals(key, session)) {
                    session = key;
                    window = new ContextWindow();
                    previous = null;
                }
                Object[] results = label(in);
                Object[] out = new Object[in.size() + results.length];
                for (int i = 0; i < in.size(); i++) {
                    out[i] = in.get(i);
                }
                System.arraycopy(results, 0, out, in.size(), results.length);
                return RowFactory.create(out);
            }

            private Object[] label(Row in) {
                if (layout.readError() >= 0 && !in.isNullAt(layout.readError())) {
                    return RecordSchema.values(null, in.getString(layout.readError()));
                }
                Object textValue = in.get(layout.text());
                if (textValue == null) {
                    return RecordSchema.values(null, "no '" + layout.textColumn() + "' field");
                }
                String speakerValue = string(in, layout.speaker());
                Speaker speaker = speakers.of(speakerValue);
                if (speaker == null) {
                    return RecordSchema.values(null, "unknown speaker '" + speakerValue + "' in column "
                            + layout.speakerColumn() + " (see --client-tags and --counselor-tags)");
                }
                String topic = string(in, layout.topic());
                String target = topic == null || topic.isBlank() ? defaultTarget : topic;
                String text = textValue.toString();
                Utterance u = perSession ? window.next(new Turn(speaker, text), target)
                        : new Utterance(text, speaker, List.of(), target);
                if (classifier == null) {
                    classifier = ExecutorClassifier.get(config, counters::built);
                }
                UtteranceResult r;
                try {
                    if (perSession) {
                        Reading reading = classifier.read(u);
                        r = classifier.decide(reading, previous);
                        window.coded(r.coding()); // the client turn after a counselor turn reads its coding, not coding it again
                        if (speaker == Speaker.CLIENT && !text.isBlank()) {
                            previous = reading;
                        }
                    } else {
                        r = classifier.classify(u);
                    }
                } catch (RuntimeException e) {
                    return RecordSchema.values(null, CLASSIFICATION_FAILED + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + JobException.oneLine(e.getMessage())));
                } finally {
                    if (speaker == Speaker.CLIENT) {
                        counters.classified().add(1); // client turns: the job's check that none was labelled twice
                    }
                }
                return RecordSchema.values(r, null);
            }
        };
    }

    private static String string(Row in, int index) {
        return index < 0 || in.isNullAt(index) ? null : in.get(index).toString();
    }
}
