package io.github.changetalk.internal.engine;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a counselor turn in the client's voice, so that the same rules can read what a short answer
 * agrees with: "So you're worried about your liver." becomes "So I'm worried about my liver.", and
 * "Do you want to cut down?" becomes "I want to cut down." (a yes/no question turned into the statement
 * a "yes" would assert). The counselor's own "I" becomes "you", so "I hear you want to quit" is not
 * read as the client speaking. A heuristic on words, not a parse; it only has to serve the rules.
 */
public final class ClientVoice {
    /** A yes/no question at the start of a sentence: "do you", "are you", "could you"... */
    private static final Pattern DO_QUESTION = Pattern.compile(
            "(^|[.!?]\\s+)((?:so|and|but|okay|ok|well),?\\s+)?(?:do|does|did)\\s+you\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern AUX_QUESTION = Pattern.compile(
            "(^|[.!?]\\s+)((?:so|and|but|okay|ok|well),?\\s+)?(are|were|can|could|would|will|should|have|might|must)\\s+you\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("[\\p{L}']+");

    /** Words after which "you" is an object ("wants you to", "for you"), so it becomes "me". */
    private static final Set<String> OBJECT_CONTEXT = Set.of("to", "for", "with", "at", "about", "from", "of", "on",
            "want", "wants", "wanted", "tell", "told", "ask", "asked", "help", "helps", "helped", "make", "makes",
            "made", "let", "lets", "give", "gives", "gave", "see", "saw", "hear", "heard", "call", "called", "get",
            "gets", "got", "keep", "keeps", "stop", "stops", "bother", "bothers", "worry", "worries", "like", "likes",
            "love", "loves", "need", "needs", "than", "around", "without", "behind", "into", "by", "against");

    private static final Map<String, String> SWAP = Map.ofEntries(
            Map.entry("i", "you"), Map.entry("me", "you"), Map.entry("my", "your"), Map.entry("mine", "yours"),
            Map.entry("myself", "yourself"), Map.entry("i'm", "you're"), Map.entry("i've", "you've"),
            Map.entry("i'll", "you'll"), Map.entry("i'd", "you'd"),
            Map.entry("your", "my"), Map.entry("yours", "mine"), Map.entry("yourself", "myself"),
            Map.entry("you're", "I'm"), Map.entry("you've", "I've"), Map.entry("you'll", "I'll"),
            Map.entry("you'd", "I'd"));

    private ClientVoice() {
    }

    public static String of(String counselorText) {
        String t = counselorText.replace('’', '\'').replace('?', '.');
        t = DO_QUESTION.matcher(t).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "you"));
        t = AUX_QUESTION.matcher(t).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "you " + m.group(3).toLowerCase(Locale.ROOT)));
        StringBuilder out = new StringBuilder(t.length() + 8);
        Matcher m = WORD.matcher(t);
        int last = 0;
        String previous = "";
        boolean previousWasSubjectI = false;
        while (m.find()) {
            out.append(t, last, m.start());
            String word = m.group();
            String lower = word.toLowerCase(Locale.ROOT);
            String replacement;
            boolean subjectI = false;
            if (lower.equals("you")) {
                subjectI = !OBJECT_CONTEXT.contains(previous);
                replacement = subjectI ? "I" : "me";
            } else if (previousWasSubjectI && lower.equals("are")) {
                replacement = "am";
            } else if (previousWasSubjectI && lower.equals("were")) {
                replacement = "was";
            } else {
                String swapped = SWAP.get(lower);
                replacement = swapped == null ? word : matchCase(word, swapped);
            }
            out.append(replacement);
            previous = lower;
            previousWasSubjectI = subjectI;
            last = m.end();
        }
        out.append(t, last, t.length());
        return out.toString();
    }

    private static String matchCase(String original, String replacement) {
        if (replacement.startsWith("I")) {
            return replacement; // "I", "I'm": always capital
        }
        if (Character.isUpperCase(original.charAt(0))) {
            return Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1);
        }
        return replacement;
    }
}
