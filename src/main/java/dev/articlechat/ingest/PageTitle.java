package dev.articlechat.ingest;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A news page's headline. The page says it in up to three places, most trustworthy first: {@code og:title}, which
 * sites write for link previews and which holds the headline alone; the story's {@code <h1>}; and the
 * {@code <title>}, which browsers show in a tab and which most sites extend with their own name.
 */
final class PageTitle {

    private static final List<String> SEPARATORS = List.of(" | ", " - ", " — ", " – ");
    /** A site's name is a few words ("The Coastal Times"); a longer end is a clause of the headline itself. */
    private static final int MAX_SITE_NAME_WORDS = 4;

    private PageTitle() {
    }

    /** The headline, or an empty string when the page names none. Read before anything is removed from the page. */
    static String of(Document page) {
        String og = content(page, "meta[property=og:title], meta[name=og:title]");
        if (!og.isEmpty()) {
            return og;
        }
        // a site's logo is often an <h1> too, in the page header, before the story's own
        Element h1 = page.selectFirst("article h1, main h1, [role=main] h1");
        if (h1 == null) {
            h1 = page.selectFirst("h1");
        }
        if (h1 != null && !h1.text().isEmpty()) {
            return h1.text();
        }
        String siteName = content(page, "meta[property=og:site_name], meta[name=application-name]");
        return withoutSiteName(page.title().strip(), siteName);
    }

    /**
     * "Harbour reopens after storm | The Coastal Times" without " | The Coastal Times". The name the page gives its
     * site is taken off either end. Otherwise a short last part after any separator is taken for the name, and a
     * short first part only before " | ": headlines use dashes themselves ("Markets rally — and then fall"), rarely
     * a bar.
     */
    private static String withoutSiteName(String title, String siteName) {
        for (String separator : SEPARATORS) {
            String suffix = separator + siteName;
            String prefix = siteName + separator;
            if (!siteName.isEmpty() && endsWithIgnoringCase(title, suffix) && title.length() > suffix.length()) {
                return title.substring(0, title.length() - suffix.length()).strip();
            }
            if (!siteName.isEmpty() && title.regionMatches(true, 0, prefix, 0, prefix.length())
                    && title.length() > prefix.length()) {
                return title.substring(prefix.length()).strip();
            }
        }
        for (String separator : SEPARATORS) {
            int last = title.lastIndexOf(separator);
            if (last > 0 && isShortEnd(title.substring(last + separator.length()), title.substring(0, last))) {
                return title.substring(0, last).strip();
            }
        }
        int first = title.indexOf(" | ");
        if (first > 0 && isShortEnd(title.substring(0, first), title.substring(first + 3))) {
            return title.substring(first + 3).strip();
        }
        return title;
    }

    private static boolean endsWithIgnoringCase(String text, String end) {
        return text.regionMatches(true, text.length() - end.length(), end, 0, end.length());
    }

    private static boolean isShortEnd(String end, String rest) {
        int words = words(end);
        return words <= MAX_SITE_NAME_WORDS && words < words(rest);
    }

    private static int words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    private static String content(Document page, String metaQuery) {
        Element meta = page.selectFirst(metaQuery);
        return meta == null ? "" : collapsed(meta.attr("content"));
    }

    /** An attribute's value has its entities decoded but its white space as the page wrote it. */
    private static String collapsed(String text) {
        return String.join(" ", text.replace('\u00A0', ' ').strip().split("\\s+"));
    }
}
