package io.github.changetalk.spark;

import io.github.changetalk.Classifier;
import io.github.changetalk.internal.weights.WeightsFile;
import io.github.changetalk.internal.weights.WeightsFileException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code --weights FILE|none}: learned evidence weights (issue 19), as {@code changetalk --weights}. The file is
 * read and checked on the driver, so executors need no shared file system and a broken file stops the job
 * at once with one line; its text travels in the {@link ClassifierConfig}. Not given: the classifier's default
 * (as the command line's); {@code none}: the rules' resolution.
 */
final class EvidenceWeights {
    static final String NONE = "none";

    private EvidenceWeights() {
    }

    /** What the job's classifiers use: the default (null spec), none, or a file's text. */
    record Choice(boolean none, ClassifierConfig.Pack file) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        static final Choice DEFAULT = new Choice(false, null);
    }

    /** On the driver, before any work: reads and checks the weights, a usage error when they are broken. */
    static Choice read(String spec) {
        if (spec == null) {
            return Choice.DEFAULT;
        }
        String s = spec.strip();
        if (s.equalsIgnoreCase(NONE)) {
            return new Choice(true, null);
        }
        Path file = Path.of(s);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new JobException(JobException.USAGE, "--weights " + s + ": not valid UTF-8 text");
        } catch (NoSuchFileException e) {
            throw new JobException(JobException.USAGE, "--weights " + s + ": no such file");
        } catch (IOException e) {
            throw new JobException(JobException.USAGE, "--weights " + s + ": cannot read: " + e.getMessage());
        }
        try {
            WeightsFile.read(s, text);
        } catch (WeightsFileException e) {
            throw new JobException(JobException.USAGE, e.getMessage());
        }
        return new Choice(false, new ClassifierConfig.Pack(s, text));
    }

    /** On an executor, while building its classifier. */
    static Classifier.Builder apply(Classifier.Builder builder, Choice choice) {
        if (choice.none()) {
            return builder.noWeights();
        }
        return choice.file() == null ? builder : builder.weights(choice.file().name(), choice.file().yaml());
    }
}
