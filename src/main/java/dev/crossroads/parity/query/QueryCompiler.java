package dev.crossroads.parity.query;

import dev.crossroads.parity.MatrixRow;
import dev.crossroads.parity.Parity;
import dev.crossroads.roadmap.FeatureStatus;
import dev.crossroads.roadmap.Priority;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.Token;

/**
 * Turns a parse tree into one {@link Predicate} over rows, once per query: fields, languages and enum values are
 * checked and folded here, so evaluating a row only compares. Semantic errors (unknown field, language or value)
 * are raised here, at the offending token, listing what would have been valid.
 */
final class QueryCompiler extends FeatureSearchBaseVisitor<Predicate<MatrixRow>> {

    static final Predicate<MatrixRow> ALWAYS = row -> true;

    private static final String FIELDS =
            "one of the fields available_on, status, parity, group, priority, name, id, or missing_in_one_of(...)";

    private static final Set<String> FIELD_NAMES =
            Set.of("available_on", "status", "parity", "group", "priority", "name", "id");

    private final QueryText text;
    /** Folded id → id as configured. */
    private final Map<String, String> languages = new LinkedHashMap<>();

    QueryCompiler(QueryText text, Collection<String> languages) {
        this.text = text;
        for (String language : languages) {
            if (language != null) {
                this.languages.putIfAbsent(Fold.fold(language), language);
            }
        }
    }

    @Override
    public Predicate<MatrixRow> visitQuery(FeatureSearchParser.QueryContext ctx) {
        return ctx.orExpr() == null ? ALWAYS : visit(ctx.orExpr());
    }

    @Override
    public Predicate<MatrixRow> visitOrExpr(FeatureSearchParser.OrExprContext ctx) {
        return RowPredicates.anyOf(ctx.andExpr().stream().map(this::visit).toList());
    }

    @Override
    public Predicate<MatrixRow> visitAndExpr(FeatureSearchParser.AndExprContext ctx) {
        return RowPredicates.allOf(ctx.unary().stream().map(this::visit).toList());
    }

    @Override
    public Predicate<MatrixRow> visitNegated(FeatureSearchParser.NegatedContext ctx) {
        return visit(ctx.unary()).negate();
    }

    @Override
    public Predicate<MatrixRow> visitParenthesised(FeatureSearchParser.ParenthesisedContext ctx) {
        return visit(ctx.orExpr());
    }

    @Override
    public Predicate<MatrixRow> visitPlain(FeatureSearchParser.PlainContext ctx) {
        return visit(ctx.term());
    }

    @Override
    public Predicate<MatrixRow> visitTextTerm(FeatureSearchParser.TextTermContext ctx) {
        return RowPredicates.text(Fold.fold(value(ctx.literal())));
    }

    @Override
    public Predicate<MatrixRow> visitMissingInOneOf(FeatureSearchParser.MissingInOneOfContext ctx) {
        // Distinct: naming a language twice must not make "all but one" unreachable.
        Set<String> distinct = new LinkedHashSet<>();
        for (FeatureSearchParser.LiteralContext literal : ctx.literal()) {
            distinct.add(language(literal));
        }
        return RowPredicates.missingInOneOf(List.copyOf(distinct));
    }

    @Override
    public Predicate<MatrixRow> visitFieldTerm(FeatureSearchParser.FieldTermContext ctx) {
        String field = Fold.fold(ctx.field.getText());
        FeatureSearchParser.FieldValueContext value = ctx.fieldValue();
        if (!FIELD_NAMES.contains(field)) {
            throw text.error(ctx.field, "unknown field '" + ctx.field.getText() + "'", FIELDS);
        }
        if (value.second != null && !field.equals("status")) {
            throw text.error(value.EQ().getSymbol(), "only status: takes language=status",
                    "a single value after '" + ctx.field.getText() + ":'");
        }
        FeatureSearchParser.LiteralContext first = value.first;
        return switch (field) {
            case "available_on" -> RowPredicates.shippedIn(language(first));
            case "status" -> value.second == null
                    ? RowPredicates.statusAnywhere(status(first))
                    : RowPredicates.statusIn(language(first), status(value.second));
            case "parity" -> RowPredicates.parity(constant(Parity.class, first, "parity", "parities"));
            case "priority" -> RowPredicates.priorityAnywhere(constant(Priority.class, first, "priority",
                    "priorities"));
            case "group" -> RowPredicates.group(Fold.fold(nonEmpty(first, ctx.field)));
            case "name" -> RowPredicates.name(Fold.fold(nonEmpty(first, ctx.field)));
            default -> RowPredicates.id(Fold.fold(nonEmpty(first, ctx.field)));
        };
    }

    /** A tracked language id, as configured. */
    private String language(FeatureSearchParser.LiteralContext literal) {
        String typed = value(literal);
        String known = languages.get(Fold.fold(typed));
        if (known == null) {
            throw text.error(literal.getStart(), "unknown language '" + typed + "'", languages.isEmpty()
                    ? "a tracked language, but none are configured"
                    : "one of the languages " + String.join(", ", languages.values()));
        }
        return known;
    }

    private FeatureStatus status(FeatureSearchParser.LiteralContext literal) {
        FeatureStatus status = lookup(FeatureStatus.class, value(literal));
        if (status == null) {
            String typed = value(literal);
            String hint = languages.containsKey(Fold.fold(typed))
                    ? " (for one language, write status:" + typed + "=<status>)" : "";
            throw text.error(literal.getStart(), "unknown status '" + typed + "'",
                    "one of the statuses " + names(FeatureStatus.class) + hint);
        }
        return status;
    }

    private <E extends Enum<E>> E constant(Class<E> type, FeatureSearchParser.LiteralContext literal, String what,
            String plural) {
        E constant = lookup(type, value(literal));
        if (constant == null) {
            throw text.error(literal.getStart(), "unknown " + what + " '" + value(literal) + "'",
                    "one of the " + plural + " " + names(type));
        }
        return constant;
    }

    /** The constant named by {@code typed}, ignoring case, with '-' or ' ' for '_' (in-progress); else null. */
    private static <E extends Enum<E>> E lookup(Class<E> type, String typed) {
        String wanted = Fold.fold(typed.strip()).replace('-', '_').replace(' ', '_');
        for (E constant : type.getEnumConstants()) {
            if (Fold.equals(constant.name(), wanted)) {
                return constant;
            }
        }
        return null;
    }

    private static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> Fold.fold(c.name())).collect(Collectors.joining(", "));
    }

    /** Field values that match text: an empty one ("") would match everything or nothing, never what was meant. */
    private String nonEmpty(FeatureSearchParser.LiteralContext literal, Token field) {
        String value = value(literal);
        if (value.isBlank()) {
            throw text.error(literal.getStart(), "empty value", "some text after '" + field.getText() + ":'");
        }
        return value;
    }

    /** A word as typed, or a quoted phrase without its quotes and with backslash escapes resolved. */
    static String value(FeatureSearchParser.LiteralContext literal) {
        String raw = literal.getText();
        if (literal.STRING() == null) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 1; i < raw.length() - 1; i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() - 1) {
                c = raw.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
