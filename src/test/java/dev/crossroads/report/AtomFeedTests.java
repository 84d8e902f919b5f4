package dev.crossroads.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The writer's output read back by Rome's own Atom parser. */
class AtomFeedTests {

    private static final Instant AT = Instant.parse("2025-05-01T09:00:00Z");
    private static final AtomFeed.Header HEADER = new AtomFeed.Header("tag:crossroads.dev,2025:gizmo/feed",
            "Gizmo: changes", null, AT, "https://x.example/api/feed.atom", "https://x.example/");

    @Test
    void writesAtomThatRomeReadsBackEntryForEntry() throws Exception {
        FeedEntry entry = new FeedEntry("tag:crossroads.dev,2025:gizmo/change/1/1", FeedKind.SHIPPED, AT,
                "Python: “Batch” is available (docs)", "Feature: Batch.", "python", "batch",
                "https://x.example/features/batch");

        String xml = AtomFeed.write(HEADER, List.of(entry));
        Feed feed = (Feed) new WireFeedInput().build(new StringReader(xml));

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">");
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getId()).isEqualTo(HEADER.id());
        assertThat(feed.getUpdated()).isEqualTo(Date.from(AT));
        assertThat(feed.getOtherLinks().get(0).getRel()).isEqualTo("self");
        assertThat(feed.getAuthors()).hasSize(1);
        Entry read = feed.getEntries().get(0);
        assertThat(read.getId()).isEqualTo(entry.id());
        assertThat(read.getTitle()).isEqualTo(entry.title());
        assertThat(read.getUpdated()).isEqualTo(Date.from(AT));
        assertThat(read.getAlternateLinks().get(0).getHref()).isEqualTo("https://x.example/features/batch");
        assertThat(read.getSummary().getValue()).isEqualTo("Feature: Batch.");
        assertThat(read.getCategories().stream().map(Category::getTerm)).containsExactly("shipped", "python", "batch");
    }

    @Test
    void markupIsEscapedTextAndCharactersXmlCannotHoldAreDropped() throws Exception {
        String hostile = "<script>alert(1)</script> & \u0001\u0000ok\uFFFE";
        FeedEntry entry = new FeedEntry("tag:x,2025:1", FeedKind.ADDED, AT, hostile, hostile, null, null,
                "https://x.example/");

        String xml = AtomFeed.write(HEADER, List.of(entry));
        Entry read = ((Feed) new WireFeedInput().build(new StringReader(xml))).getEntries().get(0);

        assertThat(xml).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(read.getTitle()).isEqualTo("<script>alert(1)</script> & ok");
    }

    @Test
    void anEmptyFeedIsStillAFeedAndSaysWhyWhenThereIsNoData() throws Exception {
        AtomFeed.Header empty = new AtomFeed.Header(HEADER.id(), HEADER.title(), ParityReport.NO_DATA,
                Instant.EPOCH, HEADER.self(), HEADER.alternate());

        Feed feed = (Feed) new WireFeedInput().build(new StringReader(AtomFeed.write(empty, List.of())));

        assertThat(feed.getEntries()).isEmpty();
        assertThat(feed.getSubtitle().getValue()).isEqualTo("No data yet: no source has been synced");
    }
}
