package dev.articlechat.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.articlechat.answer.Turn;
import java.util.List;

/**
 * One line of an eval file. Answerable questions list patterns of which the answer must match one
 * ({@code answer_any}, case-insensitive regular expressions) and snippets of which a citation must quote one
 * ({@code evidence_any}); {@code out_of_scope} questions must be refused. {@code articleId}, when given, scopes the
 * question to that article, as the widget's {@code data-article} does.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvalQuestion(String id, String kind, String q,
                           @JsonProperty("answer_any") List<String> answerAny,
                           @JsonProperty("evidence_any") List<String> evidenceAny,
                           List<Turn> history, String articleId) {

    public static final String OUT_OF_SCOPE = "out_of_scope";
    /**
     * A question whose premise the article contradicts ("Why did the council reject the barrier?" of an article
     * saying it approved it): it must be refused, or answered with the correction {@code answer_any} and
     * {@code evidence_any} describe; repeating the premise is a wrong answer shown.
     */
    public static final String FALSE_PREMISE = "false_premise";

    public EvalQuestion {
        answerAny = answerAny == null ? List.of() : answerAny;
        evidenceAny = evidenceAny == null ? List.of() : evidenceAny;
        history = history == null ? List.of() : history;
    }

    public boolean outOfScope() {
        return OUT_OF_SCOPE.equals(kind);
    }

    public boolean falsePremise() {
        return FALSE_PREMISE.equals(kind);
    }
}
