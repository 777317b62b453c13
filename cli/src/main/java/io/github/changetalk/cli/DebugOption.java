package io.github.changetalk.cli;

import picocli.CommandLine.Option;

/** {@code --debug}: print the stack trace behind an error (otherwise errors are one line). */
public final class DebugOption {
    @Option(names = "--debug", description = "Print stack traces of errors (for bug reports).")
    boolean debug;
}
