package dev.crossroads.roadmap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.ext.front.matter.YamlFrontMatterBlock;
import org.commonmark.ext.front.matter.YamlFrontMatterNode;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;

/**
 * Reads which features a language documents: the mkdocs nav (entries {@code Title: path}, bare paths, nested
 * groups, external links), the features table of the docs home page, and the header of each page the nav names
 * without a title. Thread-safe and stateless.
 */
public final class DocsFeatureParser {

    /** Nav groups and page folders that hold features rather than guides or processes. */
    private static final Pattern FEATURE_GROUP = Pattern.compile(
            "(?i).*\\b(features?|utilit(y|ies)|core|event handlers?|handlers?)\\b.*");
    /** Stripped in order from a link to get the page it names: query or anchor, ./ or /, trailing /, .md, /index. */
    private static final List<Pattern> PAGE_KEY_NOISE = Stream.of("[#?].*$", "^(\\./)+", "^/", "/+$", "\\.md$",
            "/index$").map(Pattern::compile).toList();
    private static final List<String> FEATURE_FOLDERS = List.of("core/", "utilities/", "utility/", "features/");
    /** Only the top of a page can flag maturity; further down "beta" is usually about something else. */
    private static final int MARKER_BLOCKS = 12;
    /** A first guess at how much of a page holds its first {@link #MARKER_BLOCKS} blocks; grown when it does not. */
    private static final int LEAD_CHARS = 2_048;

    /** Reads the inlines of what {@link #header(Node)} reads: top-level headings and paragraphs of the first blocks. */
    private static final Parser HEADER_PARSER = Markdown.readingInlinesOf(block -> block.getParent() instanceof Document
            && (block instanceof Heading || block instanceof Paragraph) && blocksBefore(block) < MARKER_BLOCKS);
    /** Reads the inlines of table cells only: the home page is read for its features table. */
    private static final Parser TABLE_PARSER = Markdown.readingInlinesOf(block -> block instanceof TableCell);

    private final int maxBytes;
    private final java.time.Duration budget;

    public DocsFeatureParser(int maxBytes) {
        this(maxBytes, ParseBudget.DEFAULT);
    }

    /**
     * Reading each document of a docs tree (the home page, each page's header) must finish within {@code budget}: a
     * budget per document, as for a roadmap page, so that a tree of many ordinary pages reads however large it grows,
     * while one hostile page still stops at its own budget.
     */
    public DocsFeatureParser(int maxBytes, java.time.Duration budget) {
        this(maxBytes, budget, 0);
    }

    /**
     * With a memo of the last {@code memoPages} page headers read, by page text: reading a docs tree commit after
     * commit (a history backfill) then parses only the pages that changed, not every page at every commit.
     */
    public DocsFeatureParser(int maxBytes, java.time.Duration budget, int memoPages) {
        this.maxBytes = maxBytes;
        this.budget = budget;
        this.headers = memoPages <= 0 ? null : java.util.Collections.synchronizedMap(
                new java.util.LinkedHashMap<>(memoPages, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, PageHeader> eldest) {
                        return size() > memoPages;
                    }
                });
    }

    private final Map<String, PageHeader> headers;

    public DocsFeatureList parse(String mkdocsYaml, String homePage, PageSource pages) {
        return parse(nav(mkdocsYaml), homePage, pages);
    }

    /** As {@link #parse(String, String, PageSource)}, with the nav already read (a sync reads it first, to fetch). */
    public DocsFeatureList parse(Nav nav, String homePage, PageSource pages) {
        List<ParseWarning> warnings = new ArrayList<>();
        List<FeatureTableRow> rows = homePage == null ? List.of()
                : ParseBudget.within(budget, () -> tableRows(homePage, warnings));
        warnings.addAll(nav.warnings());
        List<DocsFeature> features = new ArrayList<>();
        TableIndex table = new TableIndex(rows);
        for (NavEntry entry : nav.features()) {
            features.add(feature(entry, table, pages));
        }
        return new DocsFeatureList(features, rows, disagreements(features, rows, warnings), warnings);
    }

    /** Reads the feature entries of an {@code mkdocs.yml} nav, once, for {@link #featurePages} and {@link #parse}. */
    public Nav nav(String mkdocsYaml) {
        if (mkdocsYaml == null) {
            throw new RoadmapParseException("no mkdocs.yml given");
        }
        List<ParseWarning> warnings = new ArrayList<>();
        List<NavEntry> features = featureEntries(mkdocsYaml, warnings);
        return new Nav(features, List.copyOf(warnings));
    }

    /** The feature entries of a docs nav, and what reading it warned about. */
    public record Nav(List<NavEntry> features, List<ParseWarning> warnings) {

        /**
         * The docs-relative pages the nav lists as features, in nav order: what a sync must fetch before
         * {@link #parse(Nav, String, PageSource)} can name them.
         */
        public List<String> featurePages() {
            return features.stream().map(NavEntry::path).filter(java.util.Objects::nonNull).distinct().toList();
        }
    }

    private List<NavEntry> featureEntries(String mkdocsYaml, List<ParseWarning> warnings) {
        Object nav = MkDocsYaml.load(mkdocsYaml, maxBytes).get("nav");
        List<NavEntry> entries = new ArrayList<>();
        if (nav instanceof List<?> list) {
            walk(list, List.of(), entries, warnings);
        } else {
            warnings.add(new ParseWarning(0, nav == null ? "mkdocs.yml has no nav: no features listed"
                    : "mkdocs.yml nav is not a list: no features listed"));
        }
        return entries.stream().filter(NavEntry::isFeature).toList();
    }

    /** One page or link of the nav, with the nav groups it sits in. */
    public record NavEntry(String title, String path, String url, List<String> groups) {

        boolean isFeature() {
            boolean inFeatureGroup = groups.stream().anyMatch(g -> FEATURE_GROUP.matcher(g).matches());
            boolean inFeatureFolder = path != null && FEATURE_FOLDERS.stream().anyMatch(path::startsWith);
            return inFeatureFolder || inFeatureGroup && (path != null || url != null);
        }
    }

    private static void walk(List<?> entries, List<String> groups, List<NavEntry> out, List<ParseWarning> warnings) {
        for (Object entry : entries) {
            if (entry instanceof String path) {
                out.add(target(null, path, groups));
            } else if (entry instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> titled : map.entrySet()) {
                    String title = String.valueOf(titled.getKey()).strip();
                    Object value = titled.getValue();
                    if (value instanceof String path) {
                        out.add(target(title, path, groups));
                    } else if (value instanceof List<?> children) {
                        List<String> nested = new ArrayList<>(groups);
                        nested.add(title);
                        walk(children, List.copyOf(nested), out, warnings);
                    } else {
                        warnings.add(new ParseWarning(0, "nav entry '" + title + "' has no page: skipped"));
                    }
                }
            } else if (entry != null) {
                warnings.add(new ParseWarning(0, "nav entry '" + entry + "' is neither a page nor a group: skipped"));
            }
        }
    }

    /** mkdocs users write external links as URLs or with the {@code api/" target="_blank} attribute hack. */
    private static NavEntry target(String title, String value, List<String> groups) {
        String trimmed = value.strip();
        boolean external = trimmed.matches("(?i)^[a-z][a-z0-9+.-]*://.*") || trimmed.contains("\"");
        if (external) {
            String url = trimmed.contains("\"") ? trimmed.substring(0, trimmed.indexOf('"')).strip() : trimmed;
            return new NavEntry(title, null, url, groups);
        }
        return new NavEntry(title, trimmed.replaceFirst("^\\./", ""), null, groups);
    }

    private DocsFeature feature(NavEntry entry, TableIndex rows, PageSource pages) {
        String group = entry.groups().isEmpty() ? null : entry.groups().get(entry.groups().size() - 1);
        if (entry.path() == null) {
            // an external link; written bare (no "Title: url") it can only be named by its address
            boolean titled = entry.title() != null && !entry.title().isBlank();
            return new DocsFeature(titled ? entry.title() : entry.url(), null, entry.url(), entry.groups(), group,
                    titled ? TitleSource.NAV : TitleSource.PATH, List.of());
        }
        PageHeader header = pages.read(entry.path()).map(this::remembered).orElse(PageHeader.NONE);
        String name;
        TitleSource source;
        Optional<FeatureTableRow> row = rows.rowFor(entry.path());
        if (entry.title() != null) {
            name = entry.title();
            source = TitleSource.NAV;
        } else if (header.frontMatterTitle() != null) {
            name = header.frontMatterTitle();
            source = TitleSource.FRONT_MATTER;
        } else if (header.h1() != null) {
            name = header.h1();
            source = TitleSource.H1;
        } else if (row.isPresent()) {
            name = row.get().name();
            source = TitleSource.TABLE;
        } else {
            name = humanise(entry.path());
            source = TitleSource.PATH;
        }
        return new DocsFeature(name, entry.path(), null, entry.groups(), group, source, header.markers());
    }

    record PageHeader(String frontMatterTitle, String h1, List<Maturity> markers) {
        static final PageHeader NONE = new PageHeader(null, null, List.of());
    }

    private PageHeader remembered(String page) {
        if (headers == null) {
            return headerWithinBudget(page);
        }
        PageHeader known = headers.get(page);
        if (known == null) {
            known = headerWithinBudget(page);
            headers.put(page, known);
        }
        return known;
    }

    private PageHeader headerWithinBudget(String page) {
        return ParseBudget.within(budget, () -> header(page));
    }

    private PageHeader header(String page) {
        if (page.length() > maxBytes) {
            return PageHeader.NONE;
        }
        return header(firstBlocks(page));
    }

    /**
     * The page's syntax tree, parsed only as far as needed to hold more than {@link #MARKER_BLOCKS} blocks (all
     * {@link #header(Node)} reads), from a lead that grows until it does or is the whole page.
     */
    static Node firstBlocks(String page) {
        for (int leadChars = LEAD_CHARS; ; leadChars *= 4) {
            String lead = PageLead.of(page, leadChars);
            Node document = Markdown.parse(lead, HEADER_PARSER);
            if (lead.length() == page.length() || blocks(document) > MARKER_BLOCKS) {
                return document;
            }
        }
    }

    private static int blocksBefore(Node block) {
        int before = 0;
        for (Node previous = block.getPrevious(); previous != null && before < MARKER_BLOCKS;
                previous = previous.getPrevious()) {
            before++;
        }
        return before;
    }

    private static int blocks(Node document) {
        int blocks = 0;
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            blocks++;
        }
        return blocks;
    }

    static PageHeader header(Node document) {
        String title = null;
        String h1 = null;
        StringBuilder markerText = new StringBuilder();
        int blocks = 0;
        for (Node block = document.getFirstChild(); block != null && blocks < MARKER_BLOCKS;
                block = block.getNext(), blocks++) {
            if (block instanceof YamlFrontMatterBlock frontMatter) {
                for (Node n = frontMatter.getFirstChild(); n != null; n = n.getNext()) {
                    if (n instanceof YamlFrontMatterNode entry) {
                        String key = entry.getKey().toLowerCase(Locale.ROOT);
                        String value = entry.getValues().isEmpty() ? "" : entry.getValues().get(0).strip();
                        if (key.equals("title") && !value.isEmpty()) {
                            title = unquote(value);
                        } else if (key.equals("status") || key.equals("maturity")) {
                            markerText.append(' ').append(value);
                        }
                    }
                }
            } else if (block instanceof Heading heading && heading.getLevel() == 1 && h1 == null) {
                h1 = Markdown.plainText(heading);
                markerText.append(' ').append(h1);
            } else if (block instanceof Paragraph paragraph) {
                String text = Markdown.plainText(paragraph);
                if (text.startsWith("!!!") || text.startsWith("???")) {
                    markerText.append(' ').append(text);
                }
            }
        }
        return new PageHeader(title, h1, Maturity.foundIn(markerText.toString()));
    }

    private static List<FeatureTableRow> tableRows(String homePage, List<ParseWarning> warnings) {
        Optional<List<FeatureTableRow>> rows = featuresTable(readAsHomePage(homePage));
        if (rows.isEmpty()) {
            warnings.add(new ParseWarning(0, "the docs home page has no features table (| Utility | Description |)"));
        }
        return rows.orElse(List.of());
    }

    /** The rows of the page's first features table, if it has one. */
    static Optional<List<FeatureTableRow>> featuresTable(Node document) {
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof TableBlock table && isFeaturesTable(table)) {
                return Optional.of(rows(table));
            }
        }
        return Optional.empty();
    }

    /** The home page as a sync reads it: inlines of table cells only. */
    static Node readAsHomePage(String text) {
        return Markdown.parse(text, TABLE_PARSER);
    }

    private static boolean isFeaturesTable(TableBlock table) {
        List<String> header = cells(firstRow(table, TableHead.class));
        return header.size() >= 2 && header.get(0).toLowerCase(Locale.ROOT).matches("utilit(y|ies)|features?")
                && header.get(1).equalsIgnoreCase("description");
    }

    private static List<FeatureTableRow> rows(TableBlock table) {
        List<FeatureTableRow> rows = new ArrayList<>();
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            if (!(section instanceof TableBody)) {
                continue;
            }
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                List<Node> cells = cellNodes(row);
                if (cells.isEmpty() || Markdown.plainText(cells.get(0)).isEmpty()) {
                    continue;
                }
                List<Link> links = Markdown.links(cells.get(0));
                String link = links.isEmpty() ? null : links.get(0).getDestination();
                String description = cells.size() > 1 ? Markdown.plainText(cells.get(1)) : "";
                rows.add(new FeatureTableRow(Markdown.plainText(cells.get(0)), link, description));
            }
        }
        return rows;
    }

    private static Node firstRow(TableBlock table, Class<? extends Node> section) {
        for (Node child = table.getFirstChild(); child != null; child = child.getNext()) {
            if (section.isInstance(child)) {
                return child.getFirstChild();
            }
        }
        return null;
    }

    private static List<String> cells(Node row) {
        return cellNodes(row).stream().map(Markdown::plainText).toList();
    }

    private static List<Node> cellNodes(Node row) {
        List<Node> cells = new ArrayList<>();
        if (row instanceof TableRow) {
            for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                if (cell instanceof TableCell) {
                    cells.add(cell);
                }
            }
        }
        return cells;
    }

    /**
     * The features table by page key, built once per parse: a nav of thousands of pages looks each up directly
     * instead of normalising every row's link again for every page.
     */
    private static final class TableIndex {
        private final List<FeatureTableRow> rows;
        private final Map<String, Integer> local = new java.util.HashMap<>();
        private final List<Map.Entry<String, Integer>> published = new ArrayList<>();

        TableIndex(List<FeatureTableRow> rows) {
            this.rows = rows;
            for (int i = 0; i < rows.size(); i++) {
                String link = rows.get(i).link();
                if (link != null) {
                    String key = pageKey(link);
                    local.putIfAbsent(key, i);
                    if (link.contains("://")) {
                        published.add(Map.entry(key, i));
                    }
                }
            }
        }

        /** The first row linking to the page, by its path or by a published URL ending with it. */
        Optional<FeatureTableRow> rowFor(String pagePath) {
            String key = pageKey(pagePath);
            int best = local.getOrDefault(key, Integer.MAX_VALUE);
            for (Map.Entry<String, Integer> url : published) {
                if (url.getValue() < best && url.getKey().endsWith("/" + key)) {
                    best = url.getValue();
                }
            }
            return best == Integer.MAX_VALUE ? Optional.empty() : Optional.of(rows.get(best));
        }
    }

    private static List<NameDisagreement> disagreements(List<DocsFeature> features, List<FeatureTableRow> rows,
            List<ParseWarning> warnings) {
        List<NameDisagreement> found = new ArrayList<>();
        Map<String, DocsFeature> byPage = new LinkedHashMap<>();
        features.stream().filter(f -> f.pagePath() != null).forEach(f -> byPage.putIfAbsent(pageKey(f.pagePath()), f));
        for (FeatureTableRow row : rows) {
            DocsFeature feature = row.link() == null ? null : linkedFeature(row.link(), byPage);
            if (feature == null) {
                warnings.add(new ParseWarning(0, "features table row '" + row.name()
                        + "' links to no page in the nav"));
            } else if (!sameName(feature.name(), row.name())) {
                found.add(new NameDisagreement(feature.pagePath(), feature.name(), row.name()));
            }
        }
        return found;
    }

    /** Home pages sometimes link a feature by its published URL; its path then ends with the page key. */
    private static DocsFeature linkedFeature(String link, Map<String, DocsFeature> byPage) {
        String key = pageKey(link);
        DocsFeature exact = byPage.get(key);
        if (exact != null || !link.contains("://")) {
            return exact;
        }
        return byPage.entrySet().stream().filter(e -> key.endsWith("/" + e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private static boolean sameName(String a, String b) {
        return a.strip().equalsIgnoreCase(b.strip());
    }

    /** {@code ./utilities/parameters/}, {@code utilities/parameters.md} and {@code utilities/parameters} agree. */
    static String pageKey(String link) {
        String key = link.strip();
        for (Pattern noise : PAGE_KEY_NOISE) {
            key = noise.matcher(key).replaceFirst("");
        }
        return key.toLowerCase(Locale.ROOT);
    }

    private static String humanise(String path) {
        String file = path.replaceFirst("\\.md$", "").replaceFirst("/index$", "");
        file = file.substring(file.lastIndexOf('/') + 1).replace('_', ' ').replace('-', ' ');
        return file.isEmpty() ? path : Character.toUpperCase(file.charAt(0)) + file.substring(1);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
