package dev.crossroads.parity;

import dev.crossroads.snapshot.ItemRef;
import dev.crossroads.snapshot.SourceKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads and writes the catalog format ({@code config/features.yaml}): a {@code features} list, and for curation
 * exports also {@code links}, {@code merges} and {@code rejected}. Strict: an unknown key, a missing id or a
 * duplicate is an error naming where it is, so a typo never silently drops a feature.
 */
public final class CatalogYaml {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,127}");
    private static final Set<String> TOP = Set.of("features", "links", "merges", "rejected");
    private static final Set<String> FEATURE_KEYS = Set.of("id", "name", "group", "description", "names");
    private static final Set<String> LINK_KEYS = Set.of("language", "source", "item", "feature");
    private static final Set<String> MERGE_KEYS = Set.of("from", "into");
    private static final int MAX_BYTES = 4 * 1024 * 1024;

    private CatalogYaml() {
    }

    /** A catalog file: only {@code features} counts (links and merges are curation's). */
    public static Catalog catalog(String yaml) {
        return new Catalog(read(yaml).features());
    }

    /** A curation export, as written by {@link #write}. */
    public static Curation read(String yaml) {
        if (yaml.length() > MAX_BYTES) {
            throw new InvalidCatalogException("the document is over " + MAX_BYTES + " characters");
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        Object document;
        try {
            document = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            var mark = e.getProblemMark();
            throw new InvalidCatalogException("not valid YAML at line " + (mark == null ? "?" : mark.getLine() + 1)
                    + ", column " + (mark == null ? "?" : mark.getColumn() + 1) + ": " + e.getProblem());
        } catch (RuntimeException e) {
            throw new InvalidCatalogException("not valid YAML: " + String.valueOf(e.getMessage()).lines().findFirst()
                    .orElse(""));
        }
        if (document == null) {
            return Curation.NONE;
        }
        Map<String, Object> top = map(document, "the document", TOP);
        List<CatalogFeature> features = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<Object> entries = list(top.get("features"), "features");
        for (int i = 0; i < entries.size(); i++) {
            CatalogFeature feature = feature(entries.get(i), "features[" + i + "]");
            if (!ids.add(feature.id())) {
                throw new InvalidCatalogException("features[" + i + "]: duplicate id '" + feature.id() + "'");
            }
            features.add(feature);
        }
        return new Curation(features, links(top.get("links"), "links", true), merges(top.get("merges")),
                links(top.get("rejected"), "rejected", false));
    }

    /** Writes curation (or a catalog, with empty extras) in the format {@link #read} takes. */
    public static String write(Curation curation) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("features", curation.features().stream().map(CatalogYaml::feature).toList());
        if (!curation.links().isEmpty()) {
            top.put("links", curation.links().stream().map(CatalogYaml::link).toList());
        }
        if (!curation.merges().isEmpty()) {
            top.put("merges", curation.merges().stream().map(m -> {
                Map<String, Object> merge = new LinkedHashMap<>();
                merge.put("from", m.from());
                merge.put("into", m.into());
                return merge;
            }).toList());
        }
        if (!curation.rejected().isEmpty()) {
            top.put("rejected", curation.rejected().stream().map(CatalogYaml::link).toList());
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setWidth(120);
        return new Yaml(new Representer(options), options).dump(top);
    }

    private static Map<String, Object> feature(CatalogFeature feature) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", feature.id());
        putIfSet(out, "name", feature.name());
        putIfSet(out, "group", feature.group());
        putIfSet(out, "description", feature.description());
        if (!feature.names().isEmpty()) {
            out.put("names", new java.util.TreeMap<>(feature.names()));
        }
        return out;
    }

    private static Map<String, Object> link(Curation.Link link) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("language", link.item().language());
        out.put("source", link.item().source().name());
        out.put("item", link.item().key());
        out.put("feature", link.featureId());
        return out;
    }

    private static void putIfSet(Map<String, Object> out, String key, String value) {
        if (value != null) {
            out.put(key, value);
        }
    }

    private static CatalogFeature feature(Object entry, String where) {
        Map<String, Object> map = map(entry, where, FEATURE_KEYS);
        String id = text(map.get("id"), where + ".id", true);
        if (!ID.matcher(id).matches()) {
            throw new InvalidCatalogException(where + ".id: '" + id
                    + "' must be lowercase letters, digits and hyphens (at most 128)");
        }
        Map<String, List<String>> names = new LinkedHashMap<>();
        if (map.get("names") != null) {
            map(map.get("names"), where + ".names", null).forEach((language, value) -> {
                List<String> spelled = new ArrayList<>();
                for (Object name : list(value, where + ".names." + language)) {
                    spelled.add(text(name, where + ".names." + language, true));
                }
                names.put(language, List.copyOf(spelled));
            });
        }
        return new CatalogFeature(id, text(map.get("name"), where + ".name", false),
                text(map.get("group"), where + ".group", false),
                text(map.get("description"), where + ".description", false), names);
    }

    private static List<Curation.Link> links(Object value, String where, boolean featureMayBeNull) {
        List<Curation.Link> links = new ArrayList<>();
        List<Object> entries = list(value, where);
        for (int i = 0; i < entries.size(); i++) {
            String at = where + "[" + i + "]";
            Map<String, Object> map = map(entries.get(i), at, LINK_KEYS);
            String source = text(map.get("source"), at + ".source", true).toUpperCase(Locale.ROOT);
            SourceKind kind;
            try {
                kind = SourceKind.valueOf(source);
            } catch (IllegalArgumentException e) {
                throw new InvalidCatalogException(at + ".source: '" + source + "' is not ROADMAP, DOCS or BOARD");
            }
            ItemRef item = new ItemRef(text(map.get("language"), at + ".language", true), kind,
                    text(map.get("item"), at + ".item", true));
            links.add(new Curation.Link(item, text(map.get("feature"), at + ".feature", !featureMayBeNull)));
        }
        return links;
    }

    private static List<Curation.Merge> merges(Object value) {
        List<Curation.Merge> merges = new ArrayList<>();
        List<Object> entries = list(value, "merges");
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Object> map = map(entries.get(i), "merges[" + i + "]", MERGE_KEYS);
            merges.add(new Curation.Merge(text(map.get("from"), "merges[" + i + "].from", true),
                    text(map.get("into"), "merges[" + i + "].into", true)));
        }
        return merges;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String where, Set<String> allowed) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidCatalogException(where + ": expected a mapping");
        }
        for (Object key : map.keySet()) {
            if (!(key instanceof String name) || (allowed != null && !allowed.contains(name))) {
                throw new InvalidCatalogException(where + ": unknown key '" + key + "'"
                        + (allowed == null ? "" : " (known: " + String.join(", ", new java.util.TreeSet<>(allowed))
                                + ")"));
            }
        }
        return (Map<String, Object>) map;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidCatalogException(where + ": expected a list");
        }
        return (List<Object>) list;
    }

    private static String text(Object value, String where, boolean required) {
        if (value == null) {
            if (required) {
                throw new InvalidCatalogException(where + ": missing");
            }
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            throw new InvalidCatalogException(where + ": expected text");
        }
        String text = value.toString().strip();
        if (required && text.isEmpty()) {
            throw new InvalidCatalogException(where + ": empty");
        }
        return text.isEmpty() ? null : text;
    }
}
