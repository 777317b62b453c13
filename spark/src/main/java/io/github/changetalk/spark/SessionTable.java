package io.github.changetalk.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.github.changetalk.Direction;
import io.github.changetalk.Label;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code --summary}: one row per session ({@code scope} {@code session}), in order of the session's
 * first row, then the total over all sessions ({@code scope} {@code total}, {@code session} null), as
 * the command line's summary: the count of each label, change talk (any kind)
 * and sustain talk, and the change-talk share CT/(CT+ST) (null when the session has neither). Only
 * labelled rows count: client turns that were read and classified.
 */
final class SessionTable {
    /** The {@code scope} of the last row: the total over all sessions, not one more session. */
    static final String TOTAL = "total";
    private static final String FIRST = "__changetalk_first";

    private SessionTable() {
    }

    /** {@code labelled}: the labelled rows, with the session key, row id and result fields. */
    static Dataset<Row> of(Dataset<Row> labelled) {
        Dataset<Row> client = labelled.filter(col("label").isNotNull());
        Dataset<Row> sessions = client.groupBy(col(RecordSchema.SESSION).as("session"))
                .agg(min(RecordSchema.ROW).as(FIRST), counts());
        Dataset<Row> overall = client.agg(min(RecordSchema.ROW).as(FIRST), counts())
                .select(table(lit(null).cast(DataTypes.StringType).as("session"), lit(TOTAL).as("scope"), lit(Long.MAX_VALUE).as(FIRST)));
        return sessions.select(table(col("session"), lit("session").as("scope"), col(FIRST))).unionByName(overall)
                .repartition(1).sortWithinPartitions(FIRST).drop(FIRST);
    }

    private static Column[] counts() {
        List<Column> c = new ArrayList<>();
        for (Label l : Label.values()) {
            c.add(sum(when(col("label").equalTo(l.id()), 1L).otherwise(0L)).as(l.id()));
        }
        // Issue 14 (helper coding): when the records carry per-turn helper codes, their aggregates go here.
        c.addAll(helperScoreAggregates());
        return c.toArray(Column[]::new);
    }

    /** The output columns, in order: session, scope, each label's count, totals, share, then helper scores. */
    private static Column[] table(Column session, Column scope, Column first) {
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
        c.addAll(helperScoreColumns());
        return c.toArray(Column[]::new);
    }

    /*
     * The one place for helper (counselor) scores, issue 14. Today's results carry no helper codes, so
     * there are none. When UtteranceResult carries them: RecordSchema adds a per-row field, the
     * aggregates (e.g. counts of reflections and questions) are listed in helperScoreAggregates, and the
     * scores computed from them (e.g. reflection-to-question ratio) in helperScoreColumns.
     */
    private static List<Column> helperScoreAggregates() {
        return List.of();
    }

    private static List<Column> helperScoreColumns() {
        return List.of();
    }
}
