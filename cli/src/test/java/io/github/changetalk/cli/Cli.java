package io.github.changetalk.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs the real command in-process with captured stdout/stderr and a given stdin. Commands built from
 * the default packs share one classifier per test JVM (see {@link ClassifierOptions#build()}).
 */
final class Cli {
    /** The command-line tests' own small pack (tokens rules only, so no parser is loaded for it). */
    static final String TEST_PACK = Path.of(System.getProperty("changetalk.root", ".."), "cli/src/test/resources/clitest-pack.yaml").toString();

    /**
     * A small counselor pack of the tests' own (speaker: counselor): what/how questions OQ, do/are/is-you
     * questions CQ, "so you" SR, "you have to" DI. Used beside {@link #TEST_PACK} to test helper coding's
     * wiring (summary, eval, report) without depending on the default counselor packs.
     */
    static final String COUNSELOR_PACK = Path.of(System.getProperty("changetalk.root", ".."), "cli/src/test/resources/clitest-counselor-pack.yaml").toString();

    record Result(int code, String out, String err) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n", -1)).subList(0, out.split("\n", -1).length - (out.endsWith("\n") ? 1 : 0));
        }
    }

    private Cli() {
    }

    /** Writes {@code content} (UTF-8) to {@code dir/name}, for an input of a test. */
    static Path write(Path dir, String name, String content) throws java.io.IOException {
        Path p = dir.resolve(name);
        java.nio.file.Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /** {@code eval} of {@code gold} with the tests' client and counselor packs ({@link #TEST_PACK}, {@link #COUNSELOR_PACK}), then {@code more} options. */
    static Result evalWithTestPacks(Path gold, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(List.of("eval", "--gold", gold.toString(),
                "--only-rules", TEST_PACK, "--only-rules", COUNSELOR_PACK));
        args.addAll(List.of(more));
        return run("", args.toArray(String[]::new));
    }

    static Result run(String stdin, String... args) {
        return run(stdin == null ? new byte[0] : stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    static synchronized Result run(byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        InputStream saved = Runner.stdin;
        Runner.stdin = new ByteArrayInputStream(stdin);
        try {
            int code = Main.run(cl, args);
            return new Result(code, out.toString(), err.toString());
        } finally {
            Runner.stdin = saved;
        }
    }
}
