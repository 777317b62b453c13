package io.github.changetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A slow stream (like {@code tail -f}) gets each record as soon as it is done: the next line is only
 * written to stdin after the previous record has come out, so the test would hang if output waited
 * for more input or for the end.
 */
class StreamingTest {
    /** Collects what the command writes, line by line, as it is flushed. */
    private static final class Lines extends Writer {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final StringBuilder pending = new StringBuilder();

        @Override
        public synchronized void write(char[] cbuf, int off, int len) {
            pending.append(cbuf, off, len);
        }

        @Override
        public synchronized void flush() {
            int nl;
            while ((nl = pending.indexOf("\n")) >= 0) {
                lines.add(pending.substring(0, nl));
                pending.delete(0, nl + 1);
            }
        }

        @Override
        public void close() {
        }
    }

    @Test
    void eachLineIsLabelledBeforeTheNextArrives() throws Exception {
        PipedOutputStream feed = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(feed, 1 << 16);
        Lines out = new Lines();
        CommandLine cl = Main.newCommandLine();
        cl.setOut(new PrintWriter(out, false));
        cl.setErr(new PrintWriter(new java.io.StringWriter(), true));
        var saved = Runner.stdin;
        Runner.stdin = stdin;
        try {
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> Main.run(cl, "--only-rules", Cli.TEST_PACK, "--format", "jsonl"));
            String[] said = {"I want to quit.", "It is late.", "I will stop."};
            String[] labels = {"desire", "neutral", "commitment"};
            for (int i = 0; i < said.length; i++) {
                send(feed, said[i] + "\n");
                String line = out.lines.poll(120, TimeUnit.SECONDS);
                assertThat(line).as("record %d came out before more input", i).isNotNull();
                assertThat(line).contains("\"text\":\"" + said[i] + "\"").contains("\"label\":\"" + labels[i] + "\"");
            }
            feed.close();
            assertThat(run.get(60, TimeUnit.SECONDS)).isZero();
            assertThat(out.lines).isEmpty();
        } finally {
            Runner.stdin = saved;
        }
    }

    private static void send(OutputStream feed, String s) throws IOException {
        feed.write(s.getBytes(StandardCharsets.UTF_8));
        feed.flush();
    }
}
