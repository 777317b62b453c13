/**
 * changetalk: labels change talk and sustain talk in Motivational Interviewing transcripts with
 * explainable rules. The API is the package {@code io.github.changetalk}; everything under
 * {@code io.github.changetalk.internal} is the implementation, not exported, and may change.
 *
 * <p>The default rule packs ({@code changetalk-rules}) and CoreNLP's English models are resources read
 * through the class loader; on the module path, add their jars with {@code --add-modules} or keep them on
 * the class path.
 */
@SuppressWarnings("requires-automatic") // CoreNLP is an automatic module (its jar names itself)
module io.github.changetalk {
    requires edu.stanford.nlp.corenlp;
    requires com.fasterxml.jackson.annotation;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml;

    exports io.github.changetalk;

    // The result records are serialized to JSON as they are (see README).
    opens io.github.changetalk to com.fasterxml.jackson.databind;
}
