package io.github.changetalk.internal.pack;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.github.changetalk.RulePackException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML into {@link YamlNode}s with line numbers, through Jackson's streaming parser.
 *
 * <p>Packs are data, never code: explicit tags ({@code !!java.lang.Runtime}, {@code !foo}) and
 * anchors/aliases are refused, duplicate keys are errors, and documents are capped in size and depth.
 */
public final class YamlReader {
    private static final int MAX_DEPTH = 32;
    /** The largest pack, in characters; pack files are read no further than this and one more. */
    public static final int MAX_CHARS = 8 * 1024 * 1024;
    /** Why a pack over {@link #MAX_CHARS} is refused. */
    public static final String TOO_LARGE = "pack is larger than " + MAX_CHARS + " characters";

    private YamlReader() {
    }

    public static YamlNode read(String source, String text) {
        if (text.length() > MAX_CHARS) {
            throw new RulePackException(source, 0, null, TOO_LARGE);
        }
        LoaderOptions loader = new LoaderOptions();
        loader.setAllowDuplicateKeys(true); // we detect duplicates ourselves, with the line
        loader.setMaxAliasesForCollections(0);
        loader.setCodePointLimit(MAX_CHARS);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(loader)
                // Jackson's own depth limit is a backstop a little past ours: its error names no line.
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 2).build())
                .build();
        try (JsonParser p = factory.createParser(new StringReader(text))) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new RulePackException(source, 1, null, "the pack is empty");
            }
            YamlNode node = readValue(source, (YAMLParser) p, first, 0);
            if (p.nextToken() != null) {
                throw new RulePackException(source, line(p.currentLocation()), null,
                        "a pack is one YAML document; found more after the first");
            }
            return node;
        } catch (RulePackException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw new RulePackException(source, line(e.getLocation()), null, "YAML syntax: " + yamlProblem(e.getOriginalMessage()));
        } catch (IOException | RuntimeException e) {
            throw new RulePackException(source, 0, null, "cannot read YAML: " + firstLine(String.valueOf(e.getMessage())));
        }
    }

    private static YamlNode readValue(String source, YAMLParser p, JsonToken token, int depth) throws IOException {
        int line = line(p.currentTokenLocation());
        if (depth > MAX_DEPTH) {
            throw new RulePackException(source, line, null, "YAML nested deeper than " + MAX_DEPTH + " levels");
        }
        if (p.isCurrentAlias() || p.getObjectId() != null) {
            throw new RulePackException(source, line, null, "YAML anchors and aliases are not allowed in rule packs");
        }
        String tag = p.getTypeId();
        if (tag != null) {
            String shown = tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring(18) : tag;
            throw new RulePackException(source, line, null, "YAML tags are not allowed in rule packs (found '" + shown + "')");
        }
        switch (token) {
            case START_OBJECT: {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
                    String key = p.currentName();
                    int keyLine = line(p.currentTokenLocation());
                    if (entries.containsKey(key)) {
                        throw new RulePackException(source, keyLine, null,
                                "duplicate key '" + key + "' (first at line " + keyLines.get(key) + ")");
                    }
                    YamlNode value = readValue(source, p, p.nextToken(), depth + 1);
                    entries.put(key, value);
                    keyLines.put(key, keyLine);
                }
                return new YamlNode.Mapping(entries, keyLines, line);
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(readValue(source, p, t, depth + 1));
                }
                return new YamlNode.Sequence(items, line);
            }
            case VALUE_NULL:
                return new YamlNode.Scalar(null, line);
            default:
                return new YamlNode.Scalar(p.getText(), line);
        }
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : Math.max(0, location.getLineNr());
    }

    /**
     * SnakeYAML's messages run over several lines: a context ("while parsing a flow sequence"), code
     * snippets with carets, and the problem ("expected ',' or ']', but got <scalar>"). Keep the words,
     * drop the snippets, and make one line.
     */
    static String yamlProblem(String message) {
        if (message == null) {
            return "unreadable";
        }
        StringBuilder b = new StringBuilder();
        for (String line : message.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("^") || l.startsWith("in 'reader'") || l.startsWith("in '")) {
                continue;
            }
            if (!line.startsWith(" ") || b.isEmpty()) {
                if (!b.isEmpty()) {
                    b.append(": ");
                }
                b.append(l);
            }
        }
        return b.isEmpty() ? firstLine(message) : b.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
