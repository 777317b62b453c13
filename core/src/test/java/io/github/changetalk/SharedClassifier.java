package io.github.changetalk;

/**
 * One classifier with the default packs for the whole test JVM: loading CoreNLP costs seconds and
 * hundreds of megabytes, and the classifier is immutable and thread-safe, so tests share it.
 */
public final class SharedClassifier {
    private static volatile Classifier instance;

    private SharedClassifier() {
    }

    public static Classifier get() {
        Classifier c = instance;
        if (c == null) {
            synchronized (SharedClassifier.class) {
                c = instance;
                if (c == null) {
                    instance = c = Classifier.builder().build();
                }
            }
        }
        return c;
    }
}
