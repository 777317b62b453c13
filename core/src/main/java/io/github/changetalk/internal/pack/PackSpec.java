package io.github.changetalk.internal.pack;

import io.github.changetalk.Speaker;
import java.util.List;

/**
 * One pack file. A target pack ({@code target:} set) defines the lexicons of one target behaviour;
 * lexicons of the same name in several target packs are merged over the targets that are active.
 * Lexicons and macros are shared by all loaded packs. {@code speaker} is whose turns the pack's rules
 * read: the client's (the default) or, for a {@code speaker: counselor} pack, the counselor's.
 */
public record PackSpec(String source, String name, String description, String target, List<String> aliases,
                       List<LexiconSpec> lexicons, List<MacroSpec> macros, List<RuleSpec> rules, Speaker speaker) {
    public PackSpec {
        aliases = List.copyOf(aliases);
        lexicons = List.copyOf(lexicons);
        macros = List.copyOf(macros);
        rules = List.copyOf(rules);
        speaker = speaker == null ? Speaker.CLIENT : speaker;
    }

    public boolean isTarget() {
        return target != null;
    }
}
