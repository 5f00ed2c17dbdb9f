package dev.articlechat.answer.check;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What kind of answer a question asks for, where its wording says so. "How many…" wants a quantity, "How
 * much will it cost?" an amount of money and "When…" a time: a sentence without one cannot answer it, however
 * close its topic; that keeps "How much are the tariffs?" from being answered with a sentence that only says the
 * tariffs were steep. "Who…" wants a name; names are too varied to demand one, so a sentence that has a name
 * the question lacks is only preferred.
 */
public enum ExpectedAnswerType {

    /** "How much will it cost?" is not answered by "three funders share the cost". */
    MONEY("\\bhow much\\b.*\\b(cost|costs|spend|spent|pay|paid|price|charge|charged|worth|budget|owe|owed|earn|"
            + "earned|raise|raised)\\b|\\bwhat (is|was|will be) the (total )?(cost|price|budget|bill)\\b"
            + "|\\b(dollar|monetary|cash|financial) (value|worth)\\b|\\bhow much money\\b",
            "[$€£¥₹]|\\b(pounds?|dollars?|euros?|yen|yuan|francs?|rupees?|pence|cents?|usd|gbp|eur|cad|million|"
                    + "billion|trillion|bn|free)\\b|\\d(m|bn|k)\\b"),
    QUANTITY("\\bhow (much|many|long|far|old)\\b",
            // a currency or percent sign, a number that is not a year, or a number word
            "[$€£¥%]|\\b(?!(?:1[89]|20)\\d\\d\\b)\\d|\\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                    + "twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|trillion|dozen|half|third|"
                    + "quarters?|percent|double|doubling|triple|several|few|decades?)\\b"),
    TIME("^\\s*when\\b|\\b(what|which) (year|day|date|month|time)\\b",
            // a year (any of three or four digits: "in 911", "around 1712"), a decade, a date or a clock time; a
            // bare small number ("people over 65") is no time
            "\\b\\d{3,4}s?\\b|\\b\\d{1,2}(st|nd|rd|th)\\b|\\b\\d{1,2}[:.]\\d\\d\\b|\\b\\d{1,2}\\s*(am|pm|a\\.m)|"
                    + "\\b\\d+\\s*(years?|months?|weeks?|days?|hours?|minutes?)\\b|"
                    + "\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|"
                    + "june|july|august|september|october|november|december|years?|months?|weeks?|days?|ago|since|"
                    + "recent|today|yesterday|tomorrow|decades?|last|next|earlier|later|spring|summer|autumn|fall|"
                    + "winter|morning|evening|night|term)\\b"),
    PERSON("^\\s*(who|whom)\\b", null),
    ANY(null, null);

    private final Pattern question;
    private final Pattern evidence;

    ExpectedAnswerType(String question, String evidence) {
        this.question = question == null ? null : Pattern.compile(question);
        this.evidence = evidence == null ? null : Pattern.compile(evidence);
    }

    public static ExpectedAnswerType of(String questionText) {
        String lower = questionText.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(type -> type.question != null && type.question.matcher(lower).find())
                .findFirst()
                .orElse(ANY);
    }

    /** False when the sentence cannot hold this type of answer. */
    public boolean admits(String sentence) {
        return evidence == null || evidence.matcher(sentence.toLowerCase(Locale.ROOT)).find();
    }

    /** True when the sentence holds exactly the kind of thing asked for, beyond what the question says. */
    public boolean prefers(String sentence, String questionText) {
        if (this != PERSON) {
            return false;
        }
        Set<String> asked = Arrays.stream(questionText.split("[^\\p{L}]+"))
                .map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Matcher name = People.TITLED_NAME.matcher(sentence);
        while (name.find()) {
            if (Arrays.stream(name.group(1).strip().split("\\s+"))
                    .anyMatch(w -> !asked.contains(w.replaceAll("[’'].*", "").toLowerCase(Locale.ROOT)))) {
                return true;
            }
        }
        return false;
    }
}
