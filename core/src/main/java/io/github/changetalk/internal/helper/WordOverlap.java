package io.github.changetalk.internal.helper;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much of what a counselor says repeats the client's own words: the share of the counselor text's
 * content words (no function words, three letters or more) whose first five letters begin a content word
 * of the client's turn (a crude stem: "drinking" meets "drinks"). A simple reflection repeats the client,
 * a complex one adds to it (MISC 2.5), so this is one signal of a reflection's depth.
 */
final class WordOverlap {
    private static final Pattern WORD = Pattern.compile("[\\p{L}']+");
    private static final int STEM = 5;

    /** English function words and speech fillers: words that carry no content of their own. */
    private static final Set<String> FUNCTION_WORDS = Set.of(("a an the and or but so if then of to in on at for with from by"
            + " about as is are was were be been being am i you he she it we they me him her us them my your his its our"
            + " their this that these those there here what which who whom whose when where why how not no yes yeah okay ok"
            + " um uh mm hmm like just really very kind sort know mean think do does did done have has had having can could"
            + " would should will shall may might must don't didn't doesn't can't won't i'm you're it's that's there's what's"
            + " right well oh get got go going gonna wanna all some any more much many one also too still even now lot"
            + " little bit thing things you've you'd you'll i've i'd i'll we're they're isn't aren't wasn't weren't haven't"
            + " hasn't couldn't wouldn't shouldn't yourself myself").split(" "));

    private WordOverlap() {
    }

    /** The share in [0, 1] of {@code counselor}'s content words found in {@code client}; 0 when either has none. */
    static double share(String counselor, String client) {
        Set<String> said = words(counselor);
        if (said.isEmpty() || client == null || client.isBlank()) {
            return 0;
        }
        Set<String> stems = new HashSet<>();
        for (String w : words(client)) {
            stems.add(stem(w));
        }
        int found = 0;
        for (String w : said) {
            if (stems.contains(stem(w))) {
                found++;
            }
        }
        return found / (double) said.size();
    }

    /** Whether every content word of {@code words} is among the client's (by stem); false when it has none. */
    static boolean allSaidBy(String words, String client) {
        Set<String> said = words(words);
        return !said.isEmpty() && share(words, client) == 1.0;
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('’', '\''));
        while (m.find()) {
            String w = m.group();
            if (w.length() > 2 && !FUNCTION_WORDS.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    private static String stem(String w) {
        return w.length() > STEM ? w.substring(0, STEM) : w;
    }
}
