package dev.articlechat.answer;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What kind of answer a question asks for, where its wording says so. "How many…" wants a quantity and
 * "When…" a time: a sentence without one cannot answer it, however close its topic. This is what keeps
 * "How much are the tariffs?" from being answered with a sentence that only says the tariffs were steep.
 */
enum ExpectedAnswerType {

    QUANTITY(Pattern.compile("\\bhow (much|many|long|far|old)\\b"),
            // a number that is not a year, a currency sign, or a number word
            Pattern.compile("[$€£¥%]|\\b(?!(?:1[89]|20)\\d\\d\\b)\\d|\\b(one|two|three|four|five|six|seven|eight|nine|ten|"
                    + "eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|trillion|dozen|half|"
                    + "third|quarters?|percent|double|doubling|triple|several|few|decade|decades)\\b")),
    TIME(Pattern.compile("^\\s*when\\b|\\b(what|which) (year|day|date|month|time)\\b"),
            Pattern.compile("\\d|\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
                    + "april|may|june|july|august|september|october|november|december|year|years|month|months|week|"
                    + "weeks|day|days|ago|since|recent|today|yesterday|tomorrow|decade|last|next|earlier|later|"
                    + "spring|summer|autumn|fall|winter|morning|evening|night|term)\\b")),
    ANY(Pattern.compile(""), Pattern.compile(""));

    private final Pattern question;
    private final Pattern evidence;

    ExpectedAnswerType(Pattern question, Pattern evidence) {
        this.question = question;
        this.evidence = evidence;
    }

    static ExpectedAnswerType of(String questionText) {
        String lower = questionText.toLowerCase(Locale.ROOT);
        for (ExpectedAnswerType type : values()) {
            if (type != ANY && type.question.matcher(lower).find()) {
                return type;
            }
        }
        return ANY;
    }

    /** Whether a sentence has what this type of question asks for. */
    Predicate<String> satisfiedBy() {
        return sentence -> this == ANY || evidence.matcher(sentence.toLowerCase(Locale.ROOT)).find();
    }
}
