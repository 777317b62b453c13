package io.github.changetalk.internal.pack;

import io.github.changetalk.CounselorCoding;
import io.github.changetalk.Kind;
import io.github.changetalk.MiscCode;

/**
 * What a counselor rule (a rule of a {@code speaker: counselor} pack) says of the sentence it fires on:
 * its MISC {@code code}, the {@code function} of a question (with the kind it {@code asks} for, or a ruler's
 * {@code dimension}), and a {@code cue} for the coder. Any may be null, but not all of code, function and cue.
 */
public record HelperSpec(MiscCode code, CounselorCoding.Function function, Kind asks, CounselorCoding.Dimension dimension,
                         Cue cue) {
}
