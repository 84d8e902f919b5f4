package dev.crossroads.parity;

import dev.crossroads.parity.query.FeatureQuery;
import dev.crossroads.parity.query.QuerySyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Which part of the matrix a reader asked for: some languages (parity and coverage are recomputed over them), one
 * group (case ignored) and a search query. One place for it, so the GraphQL matrix and the reports show the same rows
 * in the same order. Pure.
 *
 * @param languages language ids, empty for all
 * @param group     null for every group
 * @param query     the search language, null for everything
 */
public record MatrixSelection(List<String> languages, String group, String query) {

    public static final MatrixSelection ALL = new MatrixSelection(List.of(), null, null);

    public MatrixSelection {
        languages = languages == null ? List.of() : List.copyOf(languages);
        group = blank(group) ? null : group.strip();
        query = blank(query) ? null : query;
    }

    /**
     * Languages as query parameters give them: repeated, comma-separated, or both ({@code languages=python,java}).
     */
    public static List<String> splitLanguages(Collection<String> values) {
        List<String> ids = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    String id = part.strip();
                    if (!id.isEmpty() && !ids.contains(id)) {
                        ids.add(id);
                    }
                }
            }
        }
        return ids;
    }

    public boolean unfiltered() {
        return languages.isEmpty() && group == null && query == null;
    }

    /**
     * The rows of {@code matrix} this selection keeps, in matrix order.
     *
     * @param known the family's language ids, in family order
     * @throws UnknownLanguageException when a language is not one of {@code known}
     * @throws QuerySyntaxException     when the query does not parse
     */
    public ParityMatrix apply(ParityMatrix matrix, List<String> known) {
        ParityMatrix selected = matrix;
        if (!languages.isEmpty()) {
            for (String language : languages) {
                if (!known.contains(language)) {
                    throw new UnknownLanguageException(language, known);
                }
            }
            selected = ParityEngine.restrict(selected, languages);
        }
        FeatureQuery search = query == null ? FeatureQuery.all() : FeatureQuery.parse(query, known);
        String wantedGroup = group == null ? null : group.toLowerCase(Locale.ROOT);
        List<MatrixRow> rows = selected.rows().stream()
                .filter(row -> wantedGroup == null || (row.feature().group() != null
                        && row.feature().group().toLowerCase(Locale.ROOT).equals(wantedGroup)))
                .filter(search::matches).toList();
        return new ParityMatrix(selected.dataVersion(), selected.generatedAt(), selected.languages(), rows);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** A language id the family does not have; the message lists the ones it has. */
    public static final class UnknownLanguageException extends IllegalArgumentException {

        public UnknownLanguageException(String language, List<String> known) {
            super("unknown language '" + language + "'; known: " + String.join(", ", known));
        }
    }
}
