package dev.crossroads.parity.query;

import dev.crossroads.parity.Feature;
import dev.crossroads.parity.MatrixRow;
import dev.crossroads.parity.Parity;
import dev.crossroads.parity.ParityCell;
import dev.crossroads.roadmap.FeatureStatus;
import dev.crossroads.roadmap.Priority;
import java.util.List;
import java.util.function.Predicate;

/**
 * What each search term means for a row. Values arrive validated and folded; the loops are indexed over the rows'
 * immutable lists so a search allocates nothing per row. Any string of a row may be null.
 */
final class RowPredicates {

    private RowPredicates() {
    }

    /** {@code available_on:python}: the language's cell is available, in preview or deprecated. */
    static Predicate<MatrixRow> shippedIn(String language) {
        return row -> shipped(cell(row, language));
    }

    /** {@code status:planned}: any cell has the status. */
    static Predicate<MatrixRow> statusAnywhere(FeatureStatus status) {
        return row -> {
            List<ParityCell> cells = row.cells();
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i).status() == status) {
                    return true;
                }
            }
            return false;
        };
    }

    /** {@code status:python=planned}: that language's cell has the status. */
    static Predicate<MatrixRow> statusIn(String language, FeatureStatus status) {
        return row -> {
            ParityCell cell = cell(row, language);
            return cell != null && cell.status() == status;
        };
    }

    /** {@code missing_in_one_of(a,b,c)}: shipped in all but exactly one of the (distinct) languages. */
    static Predicate<MatrixRow> missingInOneOf(List<String> languages) {
        String[] langs = languages.toArray(String[]::new);
        return row -> {
            int missing = 0;
            for (String language : langs) {
                if (!shipped(cell(row, language)) && ++missing > 1) {
                    return false;
                }
            }
            return missing == 1;
        };
    }

    static Predicate<MatrixRow> parity(Parity parity) {
        return row -> row.parity() == parity;
    }

    /** {@code priority:p0}: any cell's roadmap item has the priority. */
    static Predicate<MatrixRow> priorityAnywhere(Priority priority) {
        return row -> {
            List<ParityCell> cells = row.cells();
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i).priority() == priority) {
                    return true;
                }
            }
            return false;
        };
    }

    /** {@code group:"Event handler"}: the whole group name, ignoring case. */
    static Predicate<MatrixRow> group(String folded) {
        return row -> Fold.equals(row.feature().group(), folded);
    }

    /** {@code id:logger}: the whole id, ignoring case (ids are lower-case slugs anyway). */
    static Predicate<MatrixRow> id(String folded) {
        return row -> Fold.equals(row.feature().id(), folded);
    }

    /** {@code name:masking}: part of the canonical name or of any language's name for it. */
    static Predicate<MatrixRow> name(String folded) {
        return row -> nameContains(row.feature(), folded);
    }

    /** A bare word or phrase: part of the id, any name, the group or the description. */
    static Predicate<MatrixRow> text(String folded) {
        return row -> {
            Feature f = row.feature();
            return Fold.contains(f.id(), folded) || nameContains(f, folded) || Fold.contains(f.group(), folded)
                    || Fold.contains(f.description(), folded);
        };
    }

    @SuppressWarnings("unchecked")
    static Predicate<MatrixRow> allOf(List<Predicate<MatrixRow>> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        Predicate<MatrixRow>[] all = parts.toArray(Predicate[]::new);
        return row -> {
            for (Predicate<MatrixRow> p : all) {
                if (!p.test(row)) {
                    return false;
                }
            }
            return true;
        };
    }

    @SuppressWarnings("unchecked")
    static Predicate<MatrixRow> anyOf(List<Predicate<MatrixRow>> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        Predicate<MatrixRow>[] any = parts.toArray(Predicate[]::new);
        return row -> {
            for (Predicate<MatrixRow> p : any) {
                if (p.test(row)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static boolean nameContains(Feature f, String folded) {
        if (Fold.contains(f.name(), folded)) {
            return true;
        }
        List<Feature.Alias> aliases = f.aliases();
        for (int i = 0; i < aliases.size(); i++) {
            if (Fold.contains(aliases.get(i).name(), folded)) {
                return true;
            }
        }
        return false;
    }

    private static boolean shipped(ParityCell cell) {
        return cell != null && cell.status() != null && cell.status().isShipped();
    }

    /**
     * The language's cell, or null. Not {@link MatrixRow#cell(String)}: that streams and allocates an Optional per
     * call. Ignores case so a matrix whose cells spell the id differently from the configured list still matches.
     */
    private static ParityCell cell(MatrixRow row, String language) {
        List<ParityCell> cells = row.cells();
        for (int i = 0; i < cells.size(); i++) {
            ParityCell c = cells.get(i);
            if (language.equalsIgnoreCase(c.language())) {
                return c;
            }
        }
        return null;
    }
}
