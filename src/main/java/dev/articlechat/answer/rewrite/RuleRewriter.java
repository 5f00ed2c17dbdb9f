package dev.articlechat.answer.rewrite;

import dev.articlechat.answer.ConversationContext;
import dev.articlechat.answer.Question;
import dev.articlechat.answer.Turn;
import dev.articlechat.answer.check.People;
import dev.articlechat.answer.write.CitationMarkers;
import dev.articlechat.retrieve.RetrievalQuery;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Rewrites follow-ups by rule, with no model: the deterministic rewriter of the extractive answerer, and the
 * fallback of a model's rewriting.
 *
 * <p>A question in a conversation is a follow-up when it points back: a pronoun ("she", "they", "it"), or
 * ellipsis ("And the tariffs?", "What about energy?", "Why?"). Otherwise it stands on its own, as a change of
 * topic does, and the conversation is not searched at all: it would pull the answer back to the old topic.
 * Pronouns for people are replaced by the names of the article's people mentioned nearest to them: in the
 * question itself, else in the answer just given ("Who did Carney meet?" "Xi Jinping." "What did he say?"),
 * else in the question before. Anything else that points back is left as written, and the last exchange is
 * searched with the question.
 */
public final class RuleRewriter implements QuestionRewriter {

    private static final Set<String> PERSON = Set.of("he", "she", "him", "her", "his", "hers");
    private static final Set<String> GROUP = Set.of("they", "them", "their", "theirs");
    private static final Set<String> THING = Set.of("it", "its", "there", "then", "that", "this", "those", "these");
    /** Words that stand for something said before. */
    static final Set<String> POINTING = union(PERSON, GROUP, THING);
    /** Verbs after which "that" starts what was said rather than pointing back. */
    private static final Set<String> REPORTING = Set.of("say", "says", "said", "believe", "believes", "think",
            "thinks", "announce", "announced", "claim", "claimed", "state", "stated", "report", "reported", "note",
            "noted", "add", "added", "hope", "hoped", "hopes", "argue", "argued", "warn", "warned", "agree",
            "agreed", "know", "mean", "means", "so", "such");
    /** Forms of "to be", with which "there" says that something exists ("Was there a deal?"). */
    private static final Set<String> BEING = Set.of("is", "are", "was", "were", "be", "been", "will", "has", "have");
    private static final Set<String> NOT_A_NOUN = Set.of("to", "in", "on", "at", "about", "for", "with", "from",
            "and", "or", "after", "before", "again", "too", "first", "then");
    private static final Pattern ELLIPSIS = Pattern.compile(
            "^(and|but|so|also|what about|how about|what of|and what about|and how about)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:[’']\\p{L}+)?");
    private static final Pattern NEXT_WORD = Pattern.compile("\\s+(\\p{L}+)");
    /** Question words and auxiliaries: a question of these alone ("Why?", "How so?") is all ellipsis. */
    private static final Set<String> HOLLOW = Set.of("why", "how", "when", "where", "who", "what", "which", "so",
            "really", "and", "then", "is", "was", "did", "does", "do", "else", "more", "exactly", "long");

    private final People people;

    RuleRewriter(People people) {
        this.people = people;
    }

    @Override
    public StandaloneQuestion rewrite(Question question) {
        String text = question.text().strip();
        if (question.history().isEmpty() || !pointsBack(text)) {
            return StandaloneQuestion.asIs(text);
        }
        String exchange = ConversationContext.lastExchange(question);
        List<String> named = new ArrayList<>();
        // nearest first: a name in the question itself, then the answer just given, then the question before it
        for (String said : List.of(text, lastTurn(question, Turn.ASSISTANT), lastTurn(question, Turn.USER))) {
            people.mentionedIn(said).stream().filter(p -> !named.contains(p)).forEach(named::add);
        }
        String resolved = resolvePeople(text, named);
        String asked = lastTurn(question, Turn.USER);
        String query = pointsBack(resolved) && !asked.isEmpty()
                ? resolved + " (following up on: " + asked + ")"
                : resolved;
        // The article's sentences refer to people by pronoun as often as the question does ("He referred to their
        // previous meeting..."), so names put in for pronouns are searched as context: as question words they
        // would favour any sentence with the name over the one that answers (measured on the follow-up set).
        String names = named.stream().filter(resolved::contains).filter(n -> !text.contains(n))
                .collect(Collectors.joining(" "));
        return new StandaloneQuestion(resolved, query, new RetrievalQuery(text, (names + " " + exchange).strip()));
    }

    /** True when the question leans on what was said before. */
    static boolean pointsBack(String question) {
        if (ELLIPSIS.matcher(question.strip()).find()) {
            return true;
        }
        List<String> words = words(question);
        if (words.stream().allMatch(HOLLOW::contains)) {
            return true;
        }
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String before = i > 0 ? words.get(i - 1) : "";
            String after = i + 1 < words.size() ? words.get(i + 1) : "";
            boolean conjunction = word.equals("that") && REPORTING.contains(before); // "said that ..."
            boolean existential = word.equals("there") && BEING.contains(after); // "was there", "there is"
            boolean existentialQuestion = word.equals("there") && BEING.contains(before) && !after.isEmpty();
            // "this visit", "these talks": what the article is about, not what was just said
            boolean present = (word.equals("this") || word.equals("these")) && !after.isEmpty();
            if (PERSON.contains(word) || GROUP.contains(word)
                    || THING.contains(word) && !conjunction && !existential && !existentialQuestion && !present) {
                return true;
            }
        }
        return false;
    }

    /** Person pronouns replaced by the one person the exchange is about; "they" by the two it names. */
    private static String resolvePeople(String question, List<String> named) {
        if (named.isEmpty()) {
            return question;
        }
        String one = named.get(0);
        String both = named.size() >= 2 ? named.get(0) + " and " + named.get(1) : null;
        StringBuilder out = new StringBuilder();
        Matcher word = WORD.matcher(question);
        int last = 0;
        while (word.find()) {
            String lower = word.group().toLowerCase(Locale.ROOT);
            String replacement = switch (lower) {
                case "he", "she", "him" -> one;
                case "his", "hers" -> one + "’s";
                case "her" -> possessive(question, word.end()) ? one + "’s" : one;
                case "they", "them" -> both;
                case "their", "theirs" -> both == null ? null : both + "’s";
                default -> null;
            };
            if (replacement != null) {
                out.append(question, last, word.start()).append(replacement);
                last = word.end();
            }
        }
        return out.append(question.substring(last)).toString();
    }

    /** "her" before a noun ("her visit") is possessive; before punctuation or a preposition it is not. */
    private static boolean possessive(String question, int end) {
        Matcher next = NEXT_WORD.matcher(question.substring(end));
        return next.lookingAt() && !NOT_A_NOUN.contains(next.group(1).toLowerCase(Locale.ROOT));
    }

    /** The content of the last turn by {@code role}, without markers; empty if there is none. */
    private static String lastTurn(Question question, String role) {
        List<Turn> history = question.history();
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).role().equals(role)) {
                return CitationMarkers.strip(history.get(i).content()).strip();
            }
        }
        return "";
    }

    private static Set<String> union(Set<String> a, Set<String> b, Set<String> c) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        all.addAll(c);
        return Set.copyOf(all);
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (word.find()) {
            words.add(word.group());
        }
        return words;
    }
}
