package io.github.changetalk.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The test JVM's one local[2] Spark session (two task threads sharing the JVM's one classifier), no
 * web UI, bound to the loopback address.
 */
final class SparkTestSession {
    private static SparkSession session;

    private SparkTestSession() {
    }

    static synchronized SparkSession get() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("changetalk-test")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "4")
                    .getOrCreate();
            session.sparkContext().setLogLevel("WARN");
        }
        return session;
    }
}
