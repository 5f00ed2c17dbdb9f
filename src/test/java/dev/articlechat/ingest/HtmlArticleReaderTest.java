package dev.articlechat.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * News pages as saved from the web, with everything a page holds besides its story: site navigation, a cookie
 * banner, scripts and JSON-LD, styles, ad slots, a newsletter box, share buttons, related stories, comments and
 * footers. Each comes out as exactly its title and its own paragraphs.
 */
class HtmlArticleReaderTest {

    static final Path PAGES = Path.of("src/test/resources/articles/html");

    private final HtmlArticleReader reader = new HtmlArticleReader();

    @Test
    void reads_a_page_with_an_article_element_as_its_headline_and_paragraphs_alone() throws IOException {
        String raw = reader.read(PAGES.resolve("council-budget.html"));

        assertThat(raw).isEqualTo("""
                Council approves £2.4bn budget after late-night vote

                Riverside’s city council approved a £2.4bn budget for the coming year shortly before midnight on \
                Tuesday, after a six-hour debate that ran long past its scheduled close.

                The budget passed by 31 votes to 24. It raises council tax by 4.9%, the most allowed without a local \
                referendum, and sets aside £38m for flood defences along the River Wend.

                “Nobody on this council wanted to raise taxes,” said council leader Maria Okonkwo. “But the \
                alternative was closing libraries and cutting bus routes, and we were not prepared to do that.”

                What the money pays for

                The largest share, £1.1bn, goes to adult social care and children’s services. Road repairs receive \
                £96m, up from £71m last year, after a winter in which the council logged more than 4,000 potholes.

                Opposition councillors said the flood spending came too late. “We asked for this money two years \
                ago, before the harbour flooded,” said Tom Ashworth, who leads the Green group. “Residents paid for \
                the delay.”

                The new rates take effect on 1 April. Households in the average band will pay £1,962 a year, or \
                about £92 more than now.
                """);
    }

    @Test
    void reads_a_story_split_into_several_article_body_elements_in_reading_order() throws IOException {
        String raw = reader.read(PAGES.resolve("rail-strike.html"));

        assertThat(raw).isEqualTo("""
                Rail workers to strike for three days in March

                Train drivers and guards on the Northern Line network will strike on 12, 13 and 14 March, their \
                union announced on Monday, in a dispute over pay and the closure of ticket offices.

                The Rail Workers’ Union said 87% of its members who voted backed the walkout, on a turnout of 71%. \
                About 6,500 staff are expected to take part.

                General secretary Helen Marsh said the operator had offered a 3% rise, below inflation for the \
                second year running. “Our members keep this railway running,” she said. “They will not accept \
                another real-terms pay cut.”

                Services expected to run

                The operator said it would run about a third of its normal timetable on strike days, with no trains \
                after 7pm. Passengers with advance tickets can use them the day before or after, or claim a refund.

                A spokesperson for the operator called the strike “disappointing” and said the pay offer was “fair \
                and affordable”. Talks are due to resume at the conciliation service on Thursday.
                """);
    }

    @Test
    void reads_the_largest_block_of_paragraphs_of_a_page_made_of_divs_alone() throws IOException {
        String raw = reader.read(PAGES.resolve("wildfire-season.html"));

        assertThat(raw).isEqualTo("""
                Wildfire season starts early as dry spring grips the west

                Fire crews in three western states have been fighting large wildfires since mid-April, weeks earlier \
                than usual, after the driest spring on record left hillsides covered in dead grass.

                More than 48,000 acres have burned so far this year in California alone, according to the state fire \
                agency, compared with about 9,000 acres by the same date last year.

                Crews stretched thin

                Seasonal firefighters normally start work in June. This year several counties brought their hiring \
                forward by six weeks, and some crews have already worked 20 days without a break.

                "We are seeing fire behaviour in April that we used to see in August," said battalion chief Ana \
                Lucero. "The fuel is ready to burn."

                Forecasters expect little rain before autumn. Officials urged residents to clear brush within 100 \
                feet of their homes and to sign up for local emergency alerts.
                """);
    }

    @Test
    void without_og_title_takes_the_story_headline_not_the_site_logo_and_keeps_a_main_its_cms_tagged_social()
            throws IOException {
        String raw = reader.read(PAGES.resolve("museum-reopens.html"));

        assertThat(raw).isEqualTo("""
                Museum reopens after five-year restoration

                The Hartwell Museum of Local History reopened on Saturday after a five-year, $14 million restoration \
                that rebuilt its roof, added a lift and doubled the space for its collections.

                More than 1,200 people queued along Mill Street before the doors opened at 10am, some of them \
                holding photographs of relatives that appear in the museum's new exhibition on the valley's textile \
                mills.

                A building saved

                The 1889 building had been closed since 2020, when inspectors found that water had weakened the main \
                roof beams. For a time, the town council considered selling it.

                Director Ruth Abernathy said donations from 3,000 residents had made the difference. “This was never \
                just our museum,” she said. “It belongs to everyone who grew up here.”

                Entry is free until the end of March. After that, tickets cost $8 for adults, and children under 12 \
                go free.
                """);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "Harbour reopens after storm | The Coastal Times;",
            "Harbour reopens after storm - The Coastal Times;",
            "Harbour reopens after storm — The Coastal Times;",
            "The Coastal Times | Harbour reopens after storm;",
            "The Coastal Times — Harbour reopens after storm; The Coastal Times",
            "Coastal Times - Harbour reopens after storm; Coastal Times"})
    void without_og_title_or_h1_takes_the_title_element_without_the_site_name(String title, String siteName) {
        String site = siteName == null ? "" : "<meta property=\"og:site_name\" content=\"" + siteName + "\">";
        String page = "<html><head><title>" + title + "</title>" + site + "</head>"
                + "<body><p>The harbour reopened to shipping on Monday morning.</p></body></html>";

        assertThat(reader.read(page).lines().findFirst()).hasValue("Harbour reopens after storm");
    }

    @Test
    void keeps_a_dash_that_is_part_of_the_headline() {
        String page = "<title>Markets rally — and then fall</title><p>Shares rose in the morning, fell by noon.</p>";

        assertThat(reader.read(page).lines().findFirst()).hasValue("Markets rally — and then fall");
    }

    @Test
    void leaves_out_the_other_articles_of_a_page_a_reader_comment_or_a_teaser_however_they_are_named() {
        String inAnArticle = "<article><h1>Bridge closes for repairs</h1><p>The old bridge closes on Monday for six "
                + "weeks of repairs to its deck.</p><article class=\"reply\"><p>About time, it has been crumbling "
                + "for years.</p></article><p>Buses will divert over the new bridge.</p></article>";
        String inMain = "<main><h1>Bridge closes for repairs</h1><div class=\"body\"><p>The old bridge closes on "
                + "Monday for six weeks of repairs to its deck.</p><p>Buses will divert over the new bridge.</p></div>"
                + "<article class=\"card\"><p>Town hall clock restored to working order.</p></article></main>";

        for (String page : new String[] {inAnArticle, inMain}) {
            assertThat(reader.read(page)).isEqualTo("""
                    Bridge closes for repairs

                    The old bridge closes on Monday for six weeks of repairs to its deck.

                    Buses will divert over the new bridge.
                    """);
        }
    }

    @Test
    void collapses_white_space_inside_a_paragraph_and_decodes_entities() {
        String page = "<h1>Prices  &amp;\n wages</h1><p>\n   Prices&nbsp;rose 5%\n\t in&nbsp;&ldquo;May&rdquo;"
                + "&hellip; <b>then</b>\r\n<i>fell</i>.<br>Wages did not.  </p>";

        assertThat(reader.read(page))
                .isEqualTo("Prices & wages\n\nPrices rose 5% in “May”… then fell. Wages did not.\n");
    }

    @Test
    void refuses_a_page_with_a_title_but_no_paragraph_text() {
        String page = "<html><head><meta property=\"og:title\" content=\"A headline alone\">"
                + "<script>var p = '<p>x</p>';</script></head><body><nav><p>Home News Sport</p></nav>"
                + "<div class=\"cookie-banner\"><p>We use cookies.</p></div><h1>A headline alone</h1>"
                + "<footer><p>All rights reserved.</p></footer></body></html>";

        assertThatThrownBy(() -> reader.read(page))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the HTML page \"A headline alone\" has no paragraph text");
    }

    @Test
    void refuses_an_empty_page() {
        assertThatThrownBy(() -> reader.read(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the HTML page is empty");
        assertThatThrownBy(() -> reader.read("<html><head></head><body>  \n </body></html>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the HTML page is empty");
    }

    @Test
    void refuses_a_page_without_a_title() {
        String page = "<html><body><article><p>Ministers met on Monday to discuss new trade rules.</p></article>"
                + "</body></html>";

        assertThatThrownBy(() -> reader.read(page))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the HTML page has no title (no og:title, <h1> or <title>)");
    }
}
