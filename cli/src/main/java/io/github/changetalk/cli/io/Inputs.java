package io.github.changetalk.cli.io;

import io.github.changetalk.cli.CliException;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The inputs named on the command line, read one after another as one stream of records. Directories
 * give every supported file below them ({@code .txt .text .csv .tsv .tab .jsonl .ndjson}), in sorted
 * path order; binary files, files of other kinds, FIFOs, devices and dangling links met there are
 * skipped with a warning, and a file or directory that cannot be read is a broken record in its place
 * (as is a named file that cannot be read). "-" is
 * standard input. Text is decoded as UTF-8, invalid bytes replaced by U+FFFD, a byte-order mark dropped;
 * CRLF, LF and CR line ends are all accepted.
 */
public final class Inputs implements RecordSource {
    /**
     * One input: a file, or standard input when {@code path} is null. {@code problem}, when not null, says
     * why a file or directory met in a scan cannot be read: it is then one broken record, in its place.
     */
    public record Input(Path path, boolean fromScan, String problem) {
        public Input(Path path, boolean fromScan) {
            this(path, fromScan, null);
        }

        public String name() {
            return path == null ? "-" : path.toString();
        }
    }

    private static final int SNIFF_BYTES = 8192;

    /**
     * Lines of text and JSON Lines input longer than this are error records (the rest of the line is
     * read and dropped): it bounds memory on inputs with no line breaks. Far above the classifier's own
     * 100,000-character limit, so any real utterance fits.
     */
    public static final int MAX_LINE_CHARS = 4_000_000;

    private final List<Input> inputs;
    private final ReadOptions opt;
    private final InputStream stdin;
    private final Consumer<String> warn;
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong recordsRead = new AtomicLong();
    private int nextInput;
    private RecordSource current;

    private Inputs(List<Input> inputs, ReadOptions opt, InputStream stdin, Consumer<String> warn) {
        this.inputs = inputs;
        this.opt = opt;
        this.stdin = stdin;
        this.warn = warn;
    }

    /** Expands the arguments (files, directories, "-"; none means standard input) and checks they exist. */
    public static Inputs open(List<String> args, ReadOptions opt, InputStream stdin, Consumer<String> warn) {
        List<Input> inputs = new ArrayList<>();
        if (args.isEmpty()) {
            inputs.add(new Input(null, false));
        }
        for (String a : args) {
            if (a.equals("-")) {
                inputs.add(new Input(null, false));
                continue;
            }
            Path p = Path.of(a);
            if (Files.isDirectory(p)) {
                scan(p, inputs, warn);
            } else if (Files.exists(p)) {
                inputs.add(new Input(p, false));
            } else {
                throw new CliException(CliException.USAGE, a + ": no such file or directory");
            }
        }
        return new Inputs(List.copyOf(inputs), opt, stdin, warn);
    }

    /**
     * Every input file below {@code dir}, in sorted path order; what is not an input is skipped with a
     * warning (other kinds, binary files, FIFOs and devices, links to nothing or to directories). A file
     * or subdirectory that cannot be read is kept in its place as a problem, so that it is reported when
     * its turn comes and {@code --on-error} decides whether the run stops there.
     */
    private static void scan(Path dir, List<Input> out, Consumer<String> warn) {
        java.util.TreeMap<Path, Object> found = new java.util.TreeMap<>(); // an Input, or a warning
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    return !d.equals(dir) && hidden(dir.relativize(d)) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) {
                    if (!hidden(dir.relativize(p))) {
                        found.put(p, entry(p, attrs));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path p, IOException e) {
                    if (!hidden(dir.relativize(p))) {
                        found.put(p, new Input(p, true, (Files.isDirectory(p) ? "cannot read directory: " : "cannot read: ") + describe(e)));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new CliException(CliException.FAILED, dir + ": cannot list directory: " + describe(e));
        }
        for (Object o : found.values()) {
            if (o instanceof Input i) {
                out.add(i);
            } else {
                warn.accept((String) o);
            }
        }
    }

    /** What a scan does with one directory entry that is not a directory: an Input, or the warning for skipping it. */
    private static Object entry(Path p, BasicFileAttributes attrs) {
        if (attrs.isSymbolicLink()) {
            if (Files.isDirectory(p)) {
                return p + ": skipped (a link to a directory; links are not followed in a scan)";
            }
            if (!Files.exists(p)) {
                return p + ": skipped (a link to nothing)";
            }
        }
        if (!Files.isRegularFile(p)) {
            return p + ": skipped (not a regular file: a FIFO, socket or device)";
        }
        if (InputKind.fromFileName(p.getFileName().toString()) == null) {
            return p + ": skipped (not a supported input kind: " + InputKind.EXTENSIONS + ")";
        }
        try {
            return isBinary(p) ? p + ": skipped (binary file, not text)" : new Input(p, true);
        } catch (IOException e) {
            return new Input(p, true, "cannot read: " + describe(e));
        }
    }

    /** An I/O error as a few words, without Java's exception names. */
    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** A NUL byte in the first 8 KB: no text file of ours holds one, every common binary format does. */
    static boolean isBinary(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] head = in.readNBytes(SNIFF_BYTES);
            for (byte b : head) {
                if (b == 0) {
                    return true;
                }
            }
            return false;
        }
    }

    public List<Input> inputs() {
        return inputs;
    }

    /** Total size of the input files, or -1 when standard input is among them. */
    public long totalBytes() {
        long total = 0;
        for (Input i : inputs) {
            if (i.path() == null) {
                return -1;
            }
            try {
                total += Files.size(i.path());
            } catch (IOException e) {
                return -1;
            }
        }
        return total;
    }

    public long bytesRead() {
        return bytesRead.get();
    }

    /** Records handed out so far (ahead of those written by the records in flight). */
    public long recordsRead() {
        return recordsRead.get();
    }

    /**
     * The fields the input files' records carry, as far as each file's first record tells (a CSV
     * file's header, a text file's {@code file, line, speaker, text}, a JSON Lines file's first object),
     * in order of first appearance; standard input and files that cannot be read add nothing. Reads
     * the first record of each file, apart from the run (which reports whatever cannot be read): what
     * a CSV header is made of before any row is written.
     */
    public List<String> fieldNames() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (Input i : inputs) {
            if (i.path() == null) {
                continue;
            }
            try (RecordSource s = openOne(i)) {
                InputRecord r = s.next();
                if (r != null) {
                    names.addAll(r.fields().keySet());
                }
            } catch (IOException | RuntimeException e) {
                // not readable, or no text column: the run itself says so
            }
        }
        return List.copyOf(names);
    }

    public boolean readsStdin() {
        return inputs.stream().anyMatch(i -> i.path() == null);
    }

    @Override
    public InputRecord next() throws IOException {
        while (true) {
            if (current == null) {
                if (nextInput >= inputs.size()) {
                    return null;
                }
                current = openOne(inputs.get(nextInput++));
            }
            InputRecord r = current.next();
            if (r != null) {
                recordsRead.incrementAndGet();
                return r;
            }
            current.close();
            current = null;
        }
    }

    private RecordSource openOne(Input input) {
        String name = input.name();
        if (input.problem() != null) {
            return unreadable(input, input.problem());
        }
        InputStream raw;
        try {
            raw = input.path() == null ? stdin : Files.newInputStream(input.path());
        } catch (NoSuchFileException e) {
            throw new CliException(CliException.USAGE, name + ": no such file");
        } catch (IOException e) {
            return unreadable(input, "cannot read: " + describe(e));
        }
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(new Counting(raw), StandardCharsets.UTF_8), 1 << 16);
            dropByteOrderMark(reader);
            InputKind kind = opt.kind();
            if (kind == InputKind.AUTO) {
                InputKind byName = input.path() == null ? null : InputKind.fromFileName(input.path().getFileName().toString());
                kind = byName == InputKind.TEXT ? InputKind.AUTO : byName != null ? byName : sniff(reader);
            }
            return switch (kind) {
                case CSV -> new CsvSource(name, reader, false, opt);
                case TSV -> new CsvSource(name, reader, true, opt);
                case JSONL -> new JsonLinesSource(name, reader, opt);
                case TEXT, TRANSCRIPT, AUTO -> new LineSource(name, reader, opt.speakers(), kind);
            };
        } catch (IOException e) {
            throw new CliException(CliException.FAILED, name + ": cannot read: " + e.getMessage());
        }
    }

    /**
     * A file that cannot be read, as one broken record naming it: {@code --on-error fail} stops there,
     * {@code skip} reports it and goes on with the next input.
     */
    private static RecordSource unreadable(Input input, String problem) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("file", input.name());
        InputRecord broken = InputRecord.broken(input.name(), 0, fields, problem);
        return new RecordSource() {
            private boolean given;

            @Override
            public InputRecord next() {
                if (given) {
                    return null;
                }
                given = true;
                return broken;
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * Peeks at the start of the first line (up to 4096 chars, enough for any header) and puts it back.
     * Text comes back as AUTO: speaker tags are read, untagged lines are client turns.
     */
    private InputKind sniff(BufferedReader reader) throws IOException {
        char[] buf = new char[4096];
        int n = 0;
        reader.mark(buf.length + 1);
        while (n < buf.length) {
            int got = reader.read(buf, n, buf.length - n);
            if (got < 0) {
                break;
            }
            int from = n;
            n += got;
            if (indexOfLineEnd(buf, from, n) >= 0) {
                break;
            }
        }
        reader.reset();
        int end = indexOfLineEnd(buf, 0, n);
        InputKind k = InputKind.fromFirstLine(new String(buf, 0, end < 0 ? n : end), opt.textColumn());
        return k == InputKind.TEXT ? InputKind.AUTO : k;
    }

    private static int indexOfLineEnd(char[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n' || buf[i] == '\r') {
                return i;
            }
        }
        return -1;
    }

    private static void dropByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        int c = reader.read();
        if (c != '\uFEFF') {
            reader.reset();
        }
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
        }
    }

    private final class Counting extends FilterInputStream {
        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                bytesRead.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                bytesRead.addAndGet(n);
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            if (in != stdin) {
                super.close();
            }
        }
    }
}
