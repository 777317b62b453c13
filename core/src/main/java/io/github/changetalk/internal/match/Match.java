package io.github.changetalk.internal.match;

import io.github.changetalk.Evidence;
import io.github.changetalk.internal.compile.CompiledRule;

/** A rule that fired on a sentence, with what resolution needs to rank it. */
public record Match(CompiledRule rule, Evidence evidence, int tokenCount) {
}
