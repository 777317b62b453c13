package io.github.changetalk.spark;

import io.github.changetalk.Classifier;
import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What an executor needs to build its classifier: the packs' text (read on the driver, so executors
 * need no shared file system), whether the default packs are left out, the disabled rules and the
 * evidence weights. Small and serializable: this, never a {@link Classifier}, travels with the tasks.
 */
record ClassifierConfig(boolean defaultPacks, List<Pack> packs, List<String> disabled, EvidenceWeights.Choice weights)
        implements Serializable {

    /** A rule pack: the name its errors give (the path as the user wrote it) and its YAML text. */
    record Pack(String name, String yaml) implements Serializable {
    }

    ClassifierConfig {
        packs = List.copyOf(packs);
        disabled = List.copyOf(disabled);
    }

    /** As the command line: {@code --only-rules} packs replace the defaults, {@code --rules} packs are added after them. */
    static ClassifierConfig of(List<Path> onlyRules, List<Path> rules, List<String> disable, String weights) {
        EvidenceWeights.Choice choice = EvidenceWeights.read(weights);
        List<Pack> packs = new ArrayList<>();
        for (Path p : onlyRules) {
            packs.add(read("--only-rules", p));
        }
        for (Path p : rules) {
            packs.add(read("--rules", p));
        }
        List<String> ids = disable.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new ClassifierConfig(onlyRules.isEmpty(), packs, ids, choice);
    }

    private static Pack read(String option, Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return new Pack(file.toString(), text);
        } catch (CharacterCodingException e) {
            throw new JobException(JobException.USAGE, file + ": rule pack is not valid UTF-8 text");
        } catch (NoSuchFileException e) {
            throw new JobException(JobException.USAGE, option + " " + file + ": no such file");
        } catch (IOException e) {
            throw new JobException(JobException.USAGE, option + " " + file + ": cannot read: " + e.getMessage());
        }
    }

    /** Builds the classifier: loads the models. Called on executors only (see {@link ExecutorClassifier}). */
    Classifier build() {
        Classifier.Builder b = Classifier.builder();
        if (!defaultPacks) {
            b.noDefaultRules();
        }
        for (Pack p : packs) {
            b.addRules(p.name(), p.yaml());
        }
        if (!disabled.isEmpty()) {
            b.disable(disabled);
        }
        return EvidenceWeights.apply(b, weights).build();
    }
}
