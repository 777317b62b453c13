package io.github.changetalk.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar through {@code scripts/spark-local.sh} (Spark's SparkSubmit from the Maven-resolved
 * jars) on {@code local-cluster[1,2,3072]}: a master and a worker in the driver's JVM and an executor
 * JVM of its own with two task threads, which builds the classifier from the CoreNLP models given with
 * {@code --jars}. Run by failsafe after the jar is packaged.
 */
class LocalClusterIT {
    private static final Pattern REPORT = Pattern.compile(
            "changetalk-spark: (\\d+) rows, (\\d+) client turns classified(?: \\((\\d+) classifier calls[^)]*\\))?, "
                    + "(\\d+) errors, (\\d+) partitions; classifier built (\\d+) times? in (\\S+)");

    @TempDir
    Path tmp;

    @Test
    void theClassifierIsBuiltOnceInTheExecutorJvmAndLabelsAsTheCommandLine() throws IOException, InterruptedException {
        Path out = tmp.resolve("out");
        Path stderr = tmp.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(TestData.ROOT.resolve("scripts/spark-local.sh").toString(),
                TestData.ROOT.resolve("testdata/sessions").toString(), out.toString(), "--partitions", "4")
                .redirectOutput(tmp.resolve("stdout.txt").toFile())
                .redirectError(stderr.toFile());
        pb.environment().put("CHANGETALK_SPARK_SUBMIT_ARGS", "--master local-cluster[1,2,3072] --conf spark.executor.memory=2g");
        pb.environment().put("SPARK_DRIVER_MEMORY", "1g");
        Process p = pb.start();
        if (!p.waitFor(20, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            throw new AssertionError("spark-submit did not finish in 20 minutes");
        }
        String err = Files.readString(stderr);
        assertThat(p.exitValue()).as(err).isZero();

        Matcher m = REPORT.matcher(err);
        assertThat(m.find()).as(err).isTrue();
        assertThat(m.group(4)).as("errors").isEqualTo("0");
        assertThat(m.group(5)).as("partitions").isEqualTo("4");
        // One classifier, built in a JVM that is neither the driver (the script's java) nor this test's.
        assertThat(m.group(6)).as("classifier builds").isEqualTo("1");
        long builtIn = Long.parseLong(m.group(7).split("@")[0]);
        assertThat(builtIn).isNotEqualTo(p.pid()).isNotEqualTo(ProcessHandle.current().pid());

        List<ObjectNode> records = TestData.jsonParts(out);
        assertThat(Long.parseLong(m.group(1))).isEqualTo(records.size());
        long clientTurns = Long.parseLong(m.group(2));
        long calls = m.group(3) == null ? clientTurns : Long.parseLong(m.group(3));
        SessionRecordChecks.check(records, TestData.sessionFiles(), clientTurns, calls);
    }
}
