package dev.articlechat.answer.check;

import java.util.Optional;
import java.util.regex.Pattern;

/** Code, markup and templates are never an answer: a coder model writes them when asked to. */
final class NotCode implements SentenceCheck {

    private static final Pattern CODE = Pattern.compile("```|[{}<>=;]|\\w\\([^)]*\\)|\\bdef \\w+|#include");

    @Override
    public String name() {
        return "not-code";
    }

    @Override
    public String reason() {
        return "a coder model asked for code writes it, and code quoting the article is still no answer";
    }

    @Override
    public Optional<Verdict> check(Claim claim) {
        return CODE.matcher(claim.text).find()
                ? Optional.of(Verdict.rejected(name(), claim.quoted() + " is code, not an answer"))
                : Optional.empty();
    }
}
