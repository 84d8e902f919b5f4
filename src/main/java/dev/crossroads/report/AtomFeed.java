package dev.crossroads.report;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Writes feed entries as Atom 1.0 (RFC 4287) through Rome. Text goes in as text, so Rome escapes it; characters
 * XML 1.0 cannot carry at all (control characters a page may contain) are dropped first, or the whole feed would fail.
 */
public final class AtomFeed {

    public static final String MEDIA_TYPE = "application/atom+xml";
    static final String KIND_SCHEME = "urn:crossroads:change";
    static final String LANGUAGE_SCHEME = "urn:crossroads:language";
    static final String FEATURE_SCHEME = "urn:crossroads:feature";

    private AtomFeed() {
    }

    /**
     * The feed's own elements.
     *
     * @param subtitle  why there are no entries, when there is no data yet; else null
     * @param updated   when the newest entry happened (or the matrix was built, with no entries)
     * @param self      the URL this feed was requested at
     * @param alternate the page it is a feed of
     */
    public record Header(String id, String title, String subtitle, Instant updated, String self, String alternate) {
    }

    public static String write(Header header, List<FeedEntry> entries) {
        Feed feed = new Feed("atom_1.0");
        feed.setEncoding("UTF-8");
        feed.setId(header.id());
        feed.setTitle(xml(header.title()));
        if (header.subtitle() != null) {
            Content subtitle = new Content();
            subtitle.setType(Content.TEXT);
            subtitle.setValue(header.subtitle());
            feed.setSubtitle(subtitle);
        }
        feed.setUpdated(Date.from(header.updated()));
        feed.setAlternateLinks(List.of(link("alternate", header.alternate(), "text/html")));
        feed.setOtherLinks(List.of(link("self", header.self(), MEDIA_TYPE)));
        Person author = new Person();
        author.setName("Crossroads");
        feed.setAuthors(List.<SyndPerson>of(author));
        Generator generator = new Generator();
        generator.setValue("Crossroads");
        feed.setGenerator(generator);
        List<Entry> written = new ArrayList<>();
        for (FeedEntry entry : entries) {
            written.add(entry(entry));
        }
        feed.setEntries(written);
        try {
            return new WireFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("the feed could not be written: " + e.getMessage(), e);
        }
    }

    private static Entry entry(FeedEntry entry) {
        Entry out = new Entry();
        out.setId(entry.id());
        out.setTitle(xml(entry.title()));
        Date at = Date.from(entry.at());
        out.setUpdated(at);
        out.setPublished(at);
        out.setAlternateLinks(List.of(link("alternate", entry.link(), null)));
        Content summary = new Content();
        summary.setType(Content.TEXT);
        summary.setValue(xml(entry.summary()));
        out.setSummary(summary);
        List<Category> categories = new ArrayList<>();
        categories.add(category(KIND_SCHEME, entry.kind().term()));
        if (entry.language() != null) {
            categories.add(category(LANGUAGE_SCHEME, entry.language()));
        }
        if (entry.featureId() != null) {
            categories.add(category(FEATURE_SCHEME, entry.featureId()));
        }
        out.setCategories(categories);
        return out;
    }

    private static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(xml(href));
        if (type != null) {
            link.setType(type);
        }
        return link;
    }

    private static Category category(String scheme, String term) {
        Category category = new Category();
        category.setScheme(scheme);
        category.setTerm(xml(term));
        return category;
    }

    /** Only what XML 1.0 allows: tab, line feed, carriage return, U+0020 upwards but surrogates, FFFE and FFFF. */
    static String xml(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(AtomFeed::allowed).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
