package io.github.changetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The command as a real process (its own JVM, real stdin/stdout/stderr, real exit codes), with a small
 * heap: input is streamed, so a single 300 MB line or many records never need more memory than a
 * small input. (The 2 GB check is scripts/streaming-check.sh, outside the default build.)
 */
class StreamingProcessTest {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    record Run(int code, String out, String err) {
    }

    /** Runs Main with -Xmx256m, feeding stdin from {@code feed} on another thread. */
    private static Run run(Feed feed, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(JAVA, "-Xmx256m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "io.github.changetalk.cli.Main"));
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).start();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream in = p.getOutputStream()) {
                feed.write(in);
            } catch (IOException e) {
                // the process may stop reading early (e.g. a usage error); that is its answer
            }
        });
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("process finished").isTrue();
        writer.get(1, TimeUnit.MINUTES);
        return new Run(p.exitValue(), out.get(1, TimeUnit.MINUTES), err.get(1, TimeUnit.MINUTES));
    }

    interface Feed {
        void write(OutputStream in) throws IOException;
    }

    private static String readAll(InputStream s) {
        try {
            return new String(s.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long records(String out) {
        return out.lines().filter(l -> !l.isBlank()).count();
    }

    @Test
    void aThreeHundredMegabyteLineInA256MegabyteHeapIsOneErrorRecord() throws Exception {
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, (byte) 'a');
        Run r = run(in -> {
            in.write("I want to quit. ".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 300; i++) {
                in.write(chunk);
            }
            in.write("\nI want to quit.\n".getBytes(StandardCharsets.UTF_8));
        }, "--only-rules", Cli.TEST_PACK, "--format", "jsonl", "--input-kind", "text", "--on-error", "skip");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(records(r.out())).isEqualTo(2);
        assertThat(r.out().lines().toList().get(0)).contains("\"error\":\"line longer than 4000000 characters");
        assertThat(r.out().lines().toList().get(1)).contains("\"label\":\"desire\"");
        assertThat(r.err()).contains("-:1: line longer than").doesNotContain("OutOfMemoryError");
    }

    @Test
    void manyOneMegabyteLinesInA256MegabyteHeap() throws Exception {
        // 160 MB of 1 MB lines: more than the record window (threads x 64) could hold without the
        // character budget, which is what overflowed the heap before.
        byte[] line = ("I want to quit. " + "a".repeat(1 << 20) + "\n").getBytes(StandardCharsets.UTF_8);
        Run r = run(in -> {
            for (int i = 0; i < 160; i++) {
                in.write(line);
            }
        }, "--only-rules", Cli.TEST_PACK, "--format", "jsonl", "--input-kind", "text", "--threads", "4");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(records(r.out())).isEqualTo(160);
        assertThat(r.err()).doesNotContain("OutOfMemoryError");
    }

    @Test
    void aJsonLinesLineOverTheLimitIsOneErrorRecordNotACrash() throws Exception {
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, (byte) 'a');
        Run r = run(in -> {
            in.write("{\"text\":\"".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 50; i++) {
                in.write(chunk);
            }
            in.write("\"}\n{\"text\":\"I want to quit.\"}\n".getBytes(StandardCharsets.UTF_8));
        }, "--only-rules", Cli.TEST_PACK, "--format", "jsonl", "--input-kind", "jsonl", "--on-error", "skip");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(records(r.out())).isEqualTo(2);
        assertThat(r.err().strip()).contains("-:1: line longer than 4000000 characters");
        assertThat(r.out().lines().toList().get(1)).contains("\"label\":\"desire\"");

        Run fail = run(in -> in.write("{\"text\": broken\n".getBytes(StandardCharsets.UTF_8)),
                "--only-rules", Cli.TEST_PACK, "--input-kind", "jsonl");
        assertThat(fail.code()).isEqualTo(1);
        assertThat(fail.err().strip().lines()).hasSize(1);
        assertThat(fail.err()).contains("-:1: not valid JSON").doesNotContain("\tat ");
    }

    @Test
    void manyRecordsStreamThroughInOrder() throws Exception {
        int n = 20_000;
        Run r = run(in -> {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n; i++) {
                b.append(i % 3 == 0 ? "I want to quit.\n" : i % 3 == 1 ? "\n" : "hello there\n");
                if (b.length() > 1 << 16) {
                    in.write(b.toString().getBytes(StandardCharsets.UTF_8));
                    b.setLength(0);
                }
            }
            in.write(b.toString().getBytes(StandardCharsets.UTF_8));
        }, "--only-rules", Cli.TEST_PACK, "--format", "tsv", "--input-kind", "text");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(n + 1); // header + one row per input line
        for (int i = 0; i < n; i += 997) {
            assertThat(lines.get(i + 1)).startsWith("-\t" + (i + 1) + "\t");
        }
    }

    @Test
    void aBrokenPackIsExitTwo() throws Exception {
        Run r = run(in -> { }, "--only-rules", Path.of(Cli.TEST_PACK).resolveSibling("no-such-pack.yaml").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("no-such-pack.yaml").doesNotContain("\tat ");
    }
}
