package io.github.changetalk.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.udf;

import io.github.changetalk.Direction;
import io.github.changetalk.HelperScores;
import io.github.changetalk.Label;
import io.github.changetalk.MiscCode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * {@code --summary}: one row per session ({@code scope} {@code session}), in order of the session's
 * first row, then the total over all sessions ({@code scope} {@code total}, {@code session} null), as
 * the command line's summary: the count of each label, change talk (any kind) and sustain talk, and the
 * change-talk share CT/(CT+ST) (null when the session has neither); when some counselor turn was coded,
 * the helper scores (counts per MISC code, R:Q and complex-reflection share with their MITI 4.2 bands,
 * open-question share, MI-inconsistent turns, MI-consistent share, mi_adherence). Only labelled client
 * turns and coded counselor turns count.
 */
final class SessionTable {
    /** The {@code scope} of the last row: the total over all sessions, not one more session. */
    static final String TOTAL = "total";
    private static final String FIRST = "__changetalk_first";

    private SessionTable() {
    }

    /**
     * {@code labelled}: the labelled rows, with the session key, row id, result and helper-coding fields;
     * {@code helper}: whether some counselor turn was coded, which adds the helper columns.
     */
    static Dataset<Row> of(Dataset<Row> labelled, boolean helper) {
        // Labelled client turns, and coded counselor turns: a session appears when it has either, as on the command line.
        Dataset<Row> counted = labelled.filter(col("label").isNotNull().or(col(RecordSchema.CODED)));
        Dataset<Row> sessions = counted.groupBy(col(RecordSchema.SESSION).as("session"))
                .agg(min(RecordSchema.ROW).as(FIRST), counts(helper));
        Dataset<Row> overall = counted.agg(min(RecordSchema.ROW).as(FIRST), counts(helper))
                .select(table(lit(null).cast(DataTypes.StringType).as("session"), lit(TOTAL).as("scope"),
                        lit(Long.MAX_VALUE).as(FIRST), helper));
        return sessions.select(table(col("session"), lit("session").as("scope"), col(FIRST), helper)).unionByName(overall)
                .repartition(1).sortWithinPartitions(FIRST).drop(FIRST);
    }

    private static Column[] counts(boolean helper) {
        List<Column> c = new ArrayList<>();
        for (Label l : Label.values()) {
            c.add(sum(when(col("label").equalTo(l.id()), 1L).otherwise(0L)).as(l.id()));
        }
        if (helper) {
            c.addAll(helperScoreAggregates());
        }
        return c.toArray(Column[]::new);
    }

    /** The output columns, in order: session, scope, each label's count, totals, share, then helper scores. */
    private static Column[] table(Column session, Column scope, Column first, boolean helper) {
        List<Column> c = new ArrayList<>(List.of(session, scope, first));
        Column ct = lit(0L);
        for (Label l : Label.values()) {
            c.add(col(l.id()));
            if (l.direction() == Direction.CHANGE) {
                ct = ct.plus(col(l.id()));
            }
        }
        Column st = col(Label.SUSTAIN.id());
        c.add(ct.as("change_talk"));
        c.add(st.as("sustain_talk"));
        // Spark 4 divides in ANSI mode: a session with neither change nor sustain talk has no share.
        c.add(when(ct.plus(st).gt(0), ct.cast(DataTypes.DoubleType).divide(ct.plus(st))).as("ct_share"));
        if (helper) {
            c.addAll(helperScoreColumns());
        }
        return c.toArray(Column[]::new);
    }

    /*
     * The one place for helper (counselor) scores, issue 14: the coded counselor turns of a session are
     * counted here (turns, turns per MISC code, MI-inconsistent turns), and the scores are computed from
     * those counts by core's HelperScores, the same code as the command line's (docs/helper-scores.md),
     * so the two cannot drift apart. Columns and names as the command line's summary.
     */
    private static List<Column> helperScoreAggregates() {
        List<Column> c = new ArrayList<>();
        c.add(sum(when(col(RecordSchema.CODED), 1L).otherwise(0L)).as(HELPER_TURNS));
        for (MiscCode code : MiscCode.values()) {
            c.add(sum(when(col(RecordSchema.CODED).and(col(RecordSchema.HELPER_CODE).equalTo(code.id())), 1L).otherwise(0L))
                    .as(code.id()));
        }
        c.add(sum(when(col(RecordSchema.CODED).and(col(RecordSchema.MI_INCONSISTENT)), 1L).otherwise(0L)).as(MI_INCONSISTENT));
        return c;
    }

    private static final String HELPER_TURNS = "helper_turns";
    private static final String MI_INCONSISTENT = "mi_inconsistent";
    private static final String SCORES = "__changetalk_helper_scores";

    /** The scores of one session's counts: a struct with the command line's score columns (null when undefined). */
    static final StructType SCORE_TYPE = new StructType(new StructField[] {
        DataTypes.createStructField("reflection_to_question", DataTypes.DoubleType, true),
        DataTypes.createStructField("reflection_to_question_band", DataTypes.StringType, true),
        DataTypes.createStructField("complex_reflection_share", DataTypes.DoubleType, true),
        DataTypes.createStructField("complex_reflection_band", DataTypes.StringType, true),
        DataTypes.createStructField("open_question_share", DataTypes.DoubleType, true),
        DataTypes.createStructField("mi_consistent_share", DataTypes.DoubleType, true),
        DataTypes.createStructField("mi_adherence", DataTypes.DoubleType, true),
    });

    /** Computes {@link #SCORE_TYPE} from a session's turns, its counts per code (in MiscCode order) and MI-inconsistent turns. */
    static Row scores(long turns, scala.collection.Seq<Object> perCode, long inconsistent) {
        Map<MiscCode, Long> counts = new EnumMap<>(MiscCode.class);
        MiscCode[] codes = MiscCode.values();
        for (int i = 0; i < codes.length; i++) {
            counts.put(codes[i], ((Number) perCode.apply(i)).longValue());
        }
        HelperScores h = HelperScores.of(turns, counts, inconsistent);
        return RowFactory.create(orNull(h.reflectionToQuestion()), band(h.reflectionToQuestionBand()),
                orNull(h.complexReflectionShare()), band(h.complexReflectionBand()), orNull(h.openQuestionShare()),
                orNull(h.miConsistentShare()), orNull(h.miAdherence()));
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static String band(HelperScores.Band b) {
        return b == null ? null : b.id();
    }

    private static List<Column> helperScoreColumns() {
        List<Column> perCode = new ArrayList<>();
        for (MiscCode code : MiscCode.values()) {
            perCode.add(col(code.id()));
        }
        UserDefinedFunction score = udf((UDF3<Long, scala.collection.Seq<Object>, Long, Row>) SessionTable::scores, SCORE_TYPE);
        Column s = score.apply(col(HELPER_TURNS), array(perCode.toArray(Column[]::new)), col(MI_INCONSISTENT));
        List<Column> c = new ArrayList<>();
        c.add(col(HELPER_TURNS));
        c.addAll(perCode);
        for (String f : List.of("reflection_to_question", "reflection_to_question_band", "complex_reflection_share",
                "complex_reflection_band", "open_question_share")) {
            c.add(s.getField(f).as(f));
        }
        c.add(col(MI_INCONSISTENT));
        c.add(s.getField("mi_consistent_share").as("mi_consistent_share"));
        c.add(s.getField("mi_adherence").as("mi_adherence"));
        return c;
    }
}
