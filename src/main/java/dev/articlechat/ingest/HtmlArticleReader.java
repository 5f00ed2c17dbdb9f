package dev.articlechat.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Turns a news page's HTML into the raw form {@link ArticleParser} reads: the title on the first line, then the
 * story's own paragraphs, a blank line between them.
 *
 * <p>A page holds far more than its story: navigation, scripts, a cookie banner, ads, a newsletter box, share
 * buttons, related stories, comments, a footer. The story is found by the page's structure, not by its words.
 * First what never is the story goes: code, forms and HTML's own furniture ({@code nav}, {@code aside},
 * {@code header}, {@code footer}), then elements whose class or id names furniture ("cookie-banner", "adSlot"),
 * unless the markup says they are the story.
 * Of what is left, the block whose paragraphs hold the most text is the heart of the story, and the story is the
 * {@code itemprop=articleBody} elements, the {@code <article>} or the {@code <main>} around it, or that block
 * alone. Its paragraphs and sub-headings are the text.
 */
public final class HtmlArticleReader {

    /**
     * Never the story. A {@code <header>} inside an article holds the headline, byline and date, which the title
     * line already has or which are not prose. A {@code <figure>} goes with its caption: a caption describes a
     * picture the reader of an answer cannot see, mostly repeats the story in fewer words, carries a photo credit,
     * and would sit between two paragraphs of the story as if it were one.
     */
    private static final String NEVER_THE_STORY = "script, style, noscript, template, iframe, object, embed, svg, "
            + "canvas, form, button, dialog, nav, aside, header, footer, figure, "
            + "[role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=dialog]";

    /** Words in a class or id that name page furniture rather than the story. Whole words: "ad", not "header". */
    private static final Set<String> FURNITURE = Set.of(
            "ad", "ads", "adslot", "advert", "adverts", "advertisement", "advertising", "sponsored", "promo",
            "banner", "cookie", "cookies", "consent", "gdpr", "popup", "modal", "overlay",
            "newsletter", "signup", "subscribe", "subscription",
            "related", "recommended", "recommendations", "trending", "popular", "outbrain", "taboola",
            "share", "sharing", "social", "comment", "comments", "disqus",
            "header", "masthead", "footer", "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs",
            "sidebar", "toolbar", "caption");

    /** "cookie-banner", "share_bar", "adSlot": words end at punctuation and where a small letter meets a capital. */
    private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{Alnum}]+|(?<=\\p{Ll})(?=\\p{Lu})");

    private static final String STORY_MARKUP = "main, [role=main], [itemprop=articleBody]";

    private static final String TEXT_BLOCKS = "p, h2, h3, h4, h5, h6";

    /** Reads a page from a string, as an upload gives it. */
    public String read(String html) {
        return read(Jsoup.parse(html));
    }

    /** Reads a page file in the character set it declares ({@code <meta charset>}), UTF-8 when it declares none. */
    public String read(Path file) throws IOException {
        return read(Jsoup.parse(file, null));
    }

    private static String read(Document page) {
        if (page.text().isBlank() && page.select("meta").isEmpty()) {
            throw new IllegalArgumentException("the HTML page is empty");
        }
        String title = PageTitle.of(page);
        if (title.isEmpty()) {
            throw new IllegalArgumentException("the HTML page has no title (no og:title, <h1> or <title>)");
        }
        page.select(NEVER_THE_STORY).remove();
        Element body = page.body();
        removeFurniture(body);
        List<String> paragraphs = new ArrayList<>();
        Element heart = heartOfStory(body);
        if (heart != null) {
            for (Element container : story(body, heart)) {
                for (Element block : container.select(TEXT_BLOCKS)) {
                    if (!block.text().isEmpty() && !isMostlyLinks(block)) {
                        paragraphs.add(block.text()); // jsoup's text: entities decoded, white space collapsed
                    }
                }
            }
        }
        if (paragraphs.isEmpty()) {
            throw new IllegalArgumentException("the HTML page \"" + title + "\" has no paragraph text");
        }
        return title + "\n\n" + String.join("\n\n", paragraphs) + "\n";
    }

    /**
     * Removes what is named like furniture. A class name is a weak sign, HTML's own elements a strong one: an
     * {@code <article>}, and an element that is or holds the {@code <main>} or {@code articleBody}, stays whatever
     * its content system named it ({@code <main class="site-main tag-social-history">}).
     */
    private static void removeFurniture(Element element) {
        for (Element child : element.children()) {
            if (namesFurniture(child) && !child.is("article") && child.select(STORY_MARKUP).isEmpty()) {
                child.remove();
            } else {
                removeFurniture(child);
            }
        }
    }

    private static boolean namesFurniture(Element element) {
        for (String word : WORD_BREAK.split(element.className() + " " + element.id())) {
            if (FURNITURE.contains(word.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The block whose paragraphs hold the most text. A paragraph counts fully for its parent and half for the
     * grandparent, so that a story whose content system wraps each paragraph in a {@code <div>} of its own is
     * still found as one block, not as its longest paragraph.
     */
    private static Element heartOfStory(Element body) {
        Map<Element, Integer> scores = new LinkedHashMap<>(); // document order: of equal blocks the first wins
        for (Element paragraph : body.select("p")) {
            int length = paragraph.text().length();
            Element parent = paragraph.parent();
            scores.merge(parent, length, Integer::sum);
            if (parent.parent() != null) {
                scores.merge(parent.parent(), length / 2, Integer::sum);
            }
        }
        Element heart = null;
        int best = 0;
        for (Map.Entry<Element, Integer> score : scores.entrySet()) {
            if (score.getValue() > best) {
                heart = score.getKey();
                best = score.getValue();
            }
        }
        return heart;
    }

    /** The elements the story's text comes from, in reading order. */
    private static List<Element> story(Element body, Element heart) {
        List<Element> bodies = outermost(body.select("[itemprop=articleBody]"));
        // a story split by an ad slot or a newsletter box is several articleBody elements: all of them
        if (bodies.stream().anyMatch(b -> encloses(b, heart) || encloses(heart, b))) {
            return bodies;
        }
        Element container = heart.closest("article");
        if (container == null) {
            container = heart.closest("main, [role=main]");
        }
        if (container == null) {
            container = heart;
        }
        // another <article> here is another story: HTML's meaning of an article in an article is a comment or a
        // related story
        for (Element other : container.select("article")) {
            if (!encloses(other, heart)) {
                other.remove();
            }
        }
        return List.of(container);
    }

    private static List<Element> outermost(Elements elements) {
        return elements.stream().filter(e -> e.parents().stream().noneMatch(elements::contains)).toList();
    }

    private static boolean encloses(Element outer, Element inner) {
        return outer == inner || inner.parents().contains(outer);
    }

    /** "Read more: Flood defences to be reviewed": a paragraph that is mostly a link leads elsewhere. */
    private static boolean isMostlyLinks(Element block) {
        int linked = block.select("a").stream().mapToInt(a -> a.text().length()).sum();
        return linked * 2 > block.text().length();
    }
}
