package dev.articlechat.eval;

/** How one question came out, for every kind of eval set. */
public enum Outcome {
    /** Answerable, answered, and the answer and a citation hold what was expected. */
    CORRECT,
    /** Answerable and answered, but not with what was expected: a wrong answer shown to the asker. */
    WRONG_SHOWN,
    /** Answerable, and refused. */
    FALSE_REFUSAL,
    /** Not answerable from the article, and refused. */
    REFUSED,
    /** Not answerable from the article, and answered. */
    IMPOSSIBLE_ANSWERED;

    /**
     * @param right whether an answer holds what was expected (only asked of answered, answerable questions)
     */
    public static Outcome of(boolean answerable, boolean answered, boolean right) {
        if (!answerable) {
            return answered ? IMPOSSIBLE_ANSWERED : REFUSED;
        }
        if (!answered) {
            return FALSE_REFUSAL;
        }
        return right ? CORRECT : WRONG_SHOWN;
    }

    /** Whether the question was handled as it should have been. */
    public boolean ok() {
        return this == CORRECT || this == REFUSED;
    }

    public boolean answerable() {
        return this == CORRECT || this == WRONG_SHOWN || this == FALSE_REFUSAL;
    }
}
