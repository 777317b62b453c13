package io.github.changetalk.spark;

import io.github.changetalk.CounselorCoding;
import io.github.changetalk.Notice;
import io.github.changetalk.SentenceResult;
import io.github.changetalk.UtteranceResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The fields of an output record, as the command line's machine formats: {@code row_id} (the row's
 * place in the input, from 0), the input's columns (one named like a result field is renamed
 * {@code input_NAME}), then {@code label}, {@code direction}, {@code kind}, {@code sentences} (per
 * sentence: {@code text}, {@code label}, {@code direction}, {@code kind}, the deciding {@code rule} and
 * its {@code notices}), {@code notices} and {@code error} (null unless the row could not be read or
 * classified). Counselor turns have a null label and no sentences.
 */
final class RecordSchema {
    /** The output's row id column. */
    static final String ROW_ID = "row_id";
    static final List<String> RESULT_FIELDS = List.of("label", "direction", "kind", "rule", "sentences", "notices", "coding", "error");
    private static final Set<String> RESERVED = Set.of(ROW_ID, "label", "direction", "kind", "rule", "sentences", "notices", "coding", "error");

    /** Columns the job adds while it works; never written. */
    static final String ROW = "__changetalk_row";
    static final String SESSION = "__changetalk_session";
    static final String READ_ERROR = "__changetalk_read_error";
    /** Per counselor turn, for the summary's helper scores (issue 14): whether it was coded, its MISC code, its flag. */
    static final String CODED = "__changetalk_coded";
    static final String HELPER_CODE = "__changetalk_helper_code";
    static final String MI_INCONSISTENT = "__changetalk_mi_inconsistent";

    /** The helper-coding columns the labeller adds after {@link #RESULTS}; used by the summary, never written. */
    static final StructType HELPER = new StructType(new StructField[] {
        DataTypes.createStructField(CODED, DataTypes.BooleanType, false),
        DataTypes.createStructField(HELPER_CODE, DataTypes.StringType, true),
        DataTypes.createStructField(MI_INCONSISTENT, DataTypes.BooleanType, false),
    });

    static final StructType NOTICE = new StructType(new StructField[] {
        DataTypes.createStructField("code", DataTypes.StringType, true),
        DataTypes.createStructField("detail", DataTypes.StringType, true),
    });

    static final StructType SENTENCE = new StructType(new StructField[] {
        DataTypes.createStructField("text", DataTypes.StringType, true),
        DataTypes.createStructField("label", DataTypes.StringType, true),
        DataTypes.createStructField("direction", DataTypes.StringType, true),
        DataTypes.createStructField("kind", DataTypes.StringType, true),
        DataTypes.createStructField("rule", DataTypes.StringType, true),
        DataTypes.createStructField("notices", DataTypes.createArrayType(NOTICE, false), false),
    });

    private static StructField string(String name) {
        return DataTypes.createStructField(name, DataTypes.StringType, true);
    }

    /** A counselor turn's coding, as the command line's {@code coding} field (without --explain's fired rules). */
    static final StructType CODING = new StructType(new StructField[] {
        string("behaviour"), string("code"),
        DataTypes.createStructField("mi_inconsistent", DataTypes.BooleanType, false),
        string("question"), string("reflection"), string("permission"), string("rule"),
        DataTypes.createStructField("answered", new StructType(new StructField[] {
            DataTypes.createStructField("sentence", DataTypes.IntegerType, false),
            string("code"), string("rule"), string("function"), string("asks"), string("dimension"),
        }), true),
        DataTypes.createStructField("reflected", new StructType(new StructField[] {
            string("label"), string("direction"), string("kind"), string("rule"), string("words"),
        }), true),
        DataTypes.createStructField("sentences", DataTypes.createArrayType(new StructType(new StructField[] {
            string("text"), string("code"), string("rule"), string("function"), string("asks"), string("dimension"),
        }), false), false),
    });

    /** The result fields, in output order. */
    static final StructType RESULTS = new StructType(new StructField[] {
        DataTypes.createStructField("label", DataTypes.StringType, true),
        DataTypes.createStructField("direction", DataTypes.StringType, true),
        DataTypes.createStructField("kind", DataTypes.StringType, true),
        DataTypes.createStructField("rule", DataTypes.StringType, true),
        DataTypes.createStructField("sentences", DataTypes.createArrayType(SENTENCE, false), false),
        DataTypes.createStructField("notices", DataTypes.createArrayType(NOTICE, false), false),
        DataTypes.createStructField("coding", CODING, true),
        DataTypes.createStructField("error", DataTypes.StringType, true),
    });

    private RecordSchema() {
    }

    /**
     * The output name of an input column. Spark matches column names regardless of case, so a column
     * {@code Label} is renamed too (the command line, matching exactly, would keep it).
     */
    static String outputName(String inputColumn) {
        return RESERVED.contains(inputColumn.toLowerCase(Locale.ROOT)) ? "input_" + inputColumn : inputColumn;
    }

    /**
     * The values of {@link #RESULTS} then {@link #HELPER} for a classified turn, a counselor turn (with its
     * coding when counselor packs are loaded), a turn left unclassified ({@code r} null) or an error.
     */
    static Object[] values(UtteranceResult r, String error) {
        if (r == null) {
            return new Object[] {null, null, null, null, seq(List.of()), seq(List.of()), null, error, false, null, false};
        }
        List<Row> sentences = new ArrayList<>(r.sentences().size());
        for (SentenceResult s : r.sentences()) {
            sentences.add(RowFactory.create(s.text(), id(s.label()), id(s.direction()), id(s.kind()), s.decidedBy(),
                    notices(s.notices())));
        }
        CounselorCoding c = r.coding();
        return new Object[] {id(r.label()), id(r.direction()), id(r.kind()), r.decidingRule(), seq(sentences),
            notices(r.notices()), c == null ? null : coding(c), error, c != null, c == null ? null : id(c.code()), c != null && c.miInconsistent()};
    }

    /** The {@link #CODING} value of a counselor turn's coding. */
    private static Row coding(CounselorCoding c) {
        CounselorCoding.Answered a = c.answered();
        CounselorCoding.ReflectedTalk t = c.reflected();
        List<Row> sentences = new ArrayList<>(c.sentences().size());
        for (CounselorCoding.Sentence s : c.sentences()) {
            sentences.add(RowFactory.create(s.text(), id(s.code()), s.decidedBy(), id(s.function()), id(s.asks()), id(s.dimension())));
        }
        return RowFactory.create(id(c.behaviour()), id(c.code()), c.miInconsistent(), id(c.questionKind()), id(c.reflectionKind()),
                id(c.permission()), c.decidedBy(),
                a == null ? null : RowFactory.create(a.sentence(), id(a.code()), a.rule(), id(a.function()), id(a.asks()), id(a.dimension())),
                t == null ? null : RowFactory.create(id(t.label()), id(t.direction()), id(t.kind()), t.rule(), t.words()),
                seq(sentences));
    }

    private static Seq<Row> notices(List<Notice> notices) {
        List<Row> out = new ArrayList<>(notices.size());
        for (Notice n : notices) {
            out.add(RowFactory.create(n.code(), n.detail()));
        }
        return seq(out);
    }

    /** An array value of a Row, as Spark's row encoder takes it. */
    static <T> Seq<T> seq(List<T> list) {
        return CollectionConverters.asScala(list).toSeq();
    }

    /** The id as written in output ({@code taking-steps}), or null. */
    private static String id(Object labelDirectionOrKind) {
        return labelDirectionOrKind == null ? null : labelDirectionOrKind.toString();
    }
}
