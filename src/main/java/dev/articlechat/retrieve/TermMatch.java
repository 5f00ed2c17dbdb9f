package dev.articlechat.retrieve;

/**
 * When two analysed terms count as the same word. Porter stemming leaves related forms apart
 * ("impos" for impose, "imposit" for imposition; "tech" and "technolog"), so a term also matches a longer
 * term that it begins, as long as it is long enough not to match by accident.
 */
public final class TermMatch {

    /** Shorter stems ("us", "new") begin too many unrelated words. */
    static final int MIN_PREFIX = 4;

    private TermMatch() {
    }

    public static boolean related(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        return shorter.length() >= MIN_PREFIX && longer.startsWith(shorter) && Character.isLetter(shorter.charAt(0));
    }
}
