package dev.articlechat.ingest;

import java.io.IOException;
import java.util.Optional;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Folds a spelled-out number into its digits ("twelve" → "12"), and a hyphenated one's first part ("four-day"
 * is tokenised "four", "day"), before stemming changes its form. A rank ("first", "twice") becomes a token of
 * type {@link #RANK}; a counted number word, {@link #NUMBER}. The folded token is marked a keyword so that the
 * stemmer leaves the digits alone.
 */
public final class NumberWordFilter extends TokenFilter {

    public static final String NUMBER = "<NUMBER_WORD>";
    public static final String RANK = "<RANK>";

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final NumberWords numbers;

    public NumberWordFilter(TokenStream input, NumberWords numbers) {
        super(input);
        this.numbers = numbers;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        String word = term.toString();
        Optional<String> digits = numbers.digits(word);
        if (digits.isPresent()) {
            type.setType(numbers.isRank(word) ? RANK : NUMBER);
            term.setEmpty().append(digits.get());
            keyword.setKeyword(true);
        }
        return true;
    }
}
