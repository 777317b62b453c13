package io.github.changetalk.internal.pack;

import io.github.changetalk.RulePackException;
import io.github.changetalk.internal.pack.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads pack text from files and the classpath, with errors that name the source. */
public final class PackSources {
    /** Where the default packs live on the classpath (the changetalk-rules jar). */
    public static final String DEFAULT_ROOT = "io/github/changetalk/rules/";

    /** A pack's name for error messages and its YAML text. */
    public record Source(String name, String text) {
    }

    private PackSources() {
    }

    /**
     * Reads a pack file, refusing it once it holds more than {@link YamlReader#MAX_CHARS} characters:
     * at most that many and one more are ever read, so {@code /dev/zero}, an endless pipe or a sparse
     * file of gigabytes is one line of error, not an exhausted heap.
     */
    public static Source file(Path path) {
        String name = path.toString();
        try (Reader in = new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            StringBuilder text = new StringBuilder();
            char[] buf = new char[1 << 16];
            for (int n; (n = in.read(buf, 0, Math.min(buf.length, YamlReader.MAX_CHARS + 1 - text.length()))) > 0; ) {
                text.append(buf, 0, n);
                if (text.length() > YamlReader.MAX_CHARS) {
                    throw new RulePackException(name, 0, null, YamlReader.TOO_LARGE);
                }
            }
            return new Source(name, text.toString());
        } catch (CharacterCodingException e) {
            throw new RulePackException(name, 0, null, "rule pack is not valid UTF-8 text");
        } catch (IOException e) {
            throw new RulePackException(name, 0, null, "cannot read rule pack: " + describe(e));
        }
    }

    public static Source classpath(String resource) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        try (InputStream in = PackSources.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new RulePackException(name, 0, null, "no such rule pack on the classpath");
            }
            return new Source(name, decode(name, in.readAllBytes()));
        } catch (IOException e) {
            throw new RulePackException(name, 0, null, "cannot read rule pack: " + describe(e));
        }
    }

    /**
     * The default packs, listed in {@code index.txt} beside them. They are named {@code rules/...}
     * in errors, which is where they live in the source tree.
     */
    public static List<Source> defaults() {
        Source index = classpath(DEFAULT_ROOT + "index.txt");
        List<Source> out = new ArrayList<>();
        for (String line : index.text().split("\\R")) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            Source s = classpath(DEFAULT_ROOT + entry);
            out.add(new Source("rules/" + entry, s.text()));
        }
        return out;
    }

    private static String decode(String name, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RulePackException(name, 0, null, "rule pack is not valid UTF-8 text");
        }
    }

    private static String describe(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : String.valueOf(e.getMessage());
    }
}
