package io.github.changetalk.spark;

import io.github.changetalk.Classifier;
import java.lang.management.ManagementFactory;
import java.util.function.LongConsumer;

/**
 * The one classifier of this JVM (an executor, or the driver's JVM in local mode), built by the first
 * task that needs it and then shared by every task thread: a {@link Classifier} is immutable and
 * thread-safe, and building one loads CoreNLP's models (seconds, hundreds of MB), so it must be
 * neither built per row or per task nor shipped in a closure (it is not serializable).
 *
 * <p>It is kept for one configuration at a time: a later job with other packs replaces it once its own
 * is built (a pack that fails to build leaves the old one in place).
 */
final class ExecutorClassifier {
    private record Built(ClassifierConfig config, Classifier classifier) {
    }

    private static volatile Built current;

    private ExecutorClassifier() {
    }

    /** The classifier for {@code config}; {@code onBuild} is told when this call built it, and in how many milliseconds. */
    static Classifier get(ClassifierConfig config, LongConsumer onBuild) {
        Built b = current;
        if (b != null && b.config().equals(config)) {
            return b.classifier();
        }
        synchronized (ExecutorClassifier.class) {
            b = current;
            if (b == null || !b.config().equals(config)) {
                long start = System.nanoTime();
                b = new Built(config, config.build());
                current = b;
                onBuild.accept((System.nanoTime() - start) / 1_000_000);
            }
            return b.classifier();
        }
    }

    /** {@code pid@host} of this JVM, to tell where classifiers were built. */
    static String jvmName() {
        return ManagementFactory.getRuntimeMXBean().getName();
    }
}
