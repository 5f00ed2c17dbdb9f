package dev.articlechat.answer.check;

import java.util.Optional;

/**
 * One rule a sentence the model wrote must pass to be shown with the article sentences it cites, as Lucene's
 * analysis is one {@code TokenFilter} per transform: each check has a name (counted by the eval, per check, as
 * drops that were right and drops that were wrong), a reason, and a table test of should-pass and should-fail
 * cases. {@link Verification} composes them; a check never re-checks what an earlier one proved.
 */
public interface SentenceCheck {

    /** A short stable name ("facts-cited"), as the eval report and the logs show it. */
    String name();

    /** Why the check exists: what would be shown without it. */
    String reason();

    /** The verdict that stops the claim here (dropped, or shown as an article sentence instead), or empty. */
    Optional<Verdict> check(Claim claim);
}
