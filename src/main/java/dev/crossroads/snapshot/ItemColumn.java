package dev.crossroads.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossroads.roadmap.FeatureStatus;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The columns an item has in {@code snapshot_item} and {@code tracked_item}, in one place: the writer builds its
 * SQL from this list and the reader maps rows back through it, so a new fact about items is added here and in a
 * migration, nowhere else.
 */
public enum ItemColumn {
    ITEM_KEY("item_key", "text", ItemFacts::key),
    TITLE("title", "text", ItemFacts::title),
    KIND("kind", "text", ItemFacts::kind),
    STATUS("status", "text", f -> f.status() == null ? null : f.status().name()),
    STATUS_RAW("status_raw", "text", ItemFacts::statusRaw),
    PRIORITY("priority", "text", ItemFacts::priority),
    PROGRESS_DONE("progress_done", "int", ItemFacts::progressDone),
    PROGRESS_TOTAL("progress_total", "int", ItemFacts::progressTotal),
    SECTION("section", "text", ItemFacts::section),
    URL("url", "text", ItemFacts::url),
    EVIDENCE_URL("evidence_url", "text", ItemFacts::evidenceUrl),
    LINKS("links", "jsonb", f -> f.links().isEmpty() ? null : Json.write(f.links())),
    TABLE_NAME("table_name", "text", ItemFacts::tableName);

    private final String column;
    private final String sqlType;
    private final Function<ItemFacts, Object> value;

    ItemColumn(String column, String sqlType, Function<ItemFacts, Object> value) {
        this.column = column;
        this.sqlType = sqlType;
        this.value = value;
    }

    public String column() {
        return column;
    }

    /** The value of this column for an item, as bound to a statement (links as JSON text). */
    public Object valueOf(ItemFacts item) {
        return value.apply(item);
    }

    /** {@code Object[]} won't bind: arrays must be typed, integers apart from text. */
    public Object[] values(List<ItemFacts> items) {
        return "int".equals(sqlType)
                ? items.stream().map(i -> (Integer) valueOf(i)).toArray(Integer[]::new)
                : items.stream().map(i -> (String) valueOf(i)).toArray(String[]::new);
    }

    /** The array type a batch of this column is bound as (JSON travels as text and is cast per row). */
    public String arrayType() {
        return "int".equals(sqlType) ? "int[]" : "text[]";
    }

    /** How a value unnested from the bound array is written into the column. */
    public String fromUnnested(String alias) {
        return "jsonb".equals(sqlType) ? alias + "." + column + "::jsonb" : alias + "." + column;
    }

    /** {@code a, b, c}: every column name, in order. */
    public static String names() {
        return Stream.of(values()).map(ItemColumn::column).collect(Collectors.joining(", "));
    }

    /** {@code x.a, x.b::jsonb, …}: every column as read from an unnest alias. */
    public static String unnested(String alias) {
        return Stream.of(values()).map(c -> c.fromUnnested(alias)).collect(Collectors.joining(", "));
    }

    /**
     * {@code unnest($n::text[], …) WITH ORDINALITY AS alias(col, …, n)}: the item columns bound as typed arrays from
     * parameter {@code $first} on, unnested side by side.
     */
    public static String unnestParameters(int first, String alias) {
        ItemColumn[] columns = values();
        StringBuilder sql = new StringBuilder("unnest(");
        for (int i = 0; i < columns.length; i++) {
            sql.append(i == 0 ? "" : ", ").append('$').append(first + i).append("::").append(columns[i].arrayType());
        }
        return sql.append(") WITH ORDINALITY AS ").append(alias).append('(').append(names()).append(", n)")
                .toString();
    }

    /** An item back from its columns, read by name through {@code get}. */
    public static ItemFacts read(Function<String, Object> get) {
        String status = (String) get.apply(STATUS.column);
        Object links = get.apply(LINKS.column);
        return new ItemFacts((String) get.apply(ITEM_KEY.column), (String) get.apply(TITLE.column),
                (String) get.apply(KIND.column), status == null ? null : FeatureStatus.valueOf(status),
                (String) get.apply(STATUS_RAW.column), (String) get.apply(PRIORITY.column),
                (Integer) get.apply(PROGRESS_DONE.column), (Integer) get.apply(PROGRESS_TOTAL.column),
                (String) get.apply(SECTION.column), (String) get.apply(URL.column),
                (String) get.apply(EVIDENCE_URL.column), links == null ? List.of() : Json.read(links.toString()),
                (String) get.apply(TABLE_NAME.column));
    }

    /** Links are stored as a JSON array of {text, url, kind}. */
    private static final class Json {
        private static final ObjectMapper MAPPER = new ObjectMapper();
        private static final TypeReference<List<ItemLink>> LINKS = new TypeReference<>() {
        };

        static String write(List<ItemLink> links) {
            try {
                return MAPPER.writeValueAsString(links);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("links could not be written as JSON", e);
            }
        }

        static List<ItemLink> read(String json) {
            try {
                return MAPPER.readValue(json, LINKS);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored links are not JSON: " + e.getOriginalMessage(), e);
            }
        }
    }
}
