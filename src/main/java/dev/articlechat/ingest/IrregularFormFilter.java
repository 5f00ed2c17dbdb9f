package dev.articlechat.ingest;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Replaces an irregular verb form with its verb ("met" → "meet", "told" → "tell"), from
 * {@code irregular-forms.txt}, before the stemmer, which then stems the verb as it stems its regular forms.
 */
public final class IrregularFormFilter extends TokenFilter {

    private static final Map<String, String> VERBS = load();

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    public IrregularFormFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        String verb = VERBS.get(term.toString());
        if (verb != null) {
            term.setEmpty().append(verb);
        }
        return true;
    }

    private static Map<String, String> load() {
        Map<String, String> verbs = new HashMap<>();
        for (String line : WordList.lines(IrregularFormFilter.class, "irregular-forms.txt")) {
            String[] pair = line.split("\\s+");
            verbs.put(pair[0], pair[1]);
        }
        return Map.copyOf(verbs);
    }
}
