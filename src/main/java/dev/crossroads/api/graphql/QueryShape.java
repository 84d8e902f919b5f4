package dev.crossroads.api.graphql;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * How big a GraphQL request is, read before it runs: its root fields (aliases make one request do the work of
 * thousands: 2,400 aliases of {@code sources} ran for 5.6 s), all its fields, its depth, and whether every root field
 * is served from the matrix (then its answer can be cached). Fragments are counted where they are spread.
 *
 * @param parseError why the document could not be read, or null; the endpoint answers those itself
 */
record QueryShape(boolean matrixOnly, int rootFields, int fields, int depth, String parseError) {

    /** Root fields served from the matrix alone. */
    static final Set<String> MATRIX_FIELDS = Set.of("parityMatrix", "features", "feature", "alignmentSuggestions",
            "unlinkedItems", "languages", "__typename");
    /** Well above any real query, well below what graphql-java refuses on its own with a generic error. */
    private static final int MAX_TOKENS = 10_000;
    private static final int MAX_WALK_DEPTH = 64;
    /** The parse error of a document over {@link #MAX_TOKENS}. */
    static final String TOO_MANY_TOKENS = "the query has more than " + MAX_TOKENS + " tokens";

    static QueryShape of(String query) {
        Document document;
        try {
            ParserOptions options = ParserOptions.getDefaultOperationParserOptions().transform(o -> o
                    .maxTokens(MAX_TOKENS).captureSourceLocation(false).captureLineComments(false));
            document = new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(query)
                    .parserOptions(options).build());
        } catch (graphql.parser.exceptions.ParseCancelledException e) {
            return new QueryShape(false, 0, 0, 0, TOO_MANY_TOKENS);
        } catch (InvalidSyntaxException e) {
            return new QueryShape(false, 0, 0, 0, e.getMessage());
        }
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof FragmentDefinition fragment) {
                fragments.put(fragment.getName(), fragment);
            }
        }
        boolean matrixOnly = true;
        boolean anyOperation = false;
        int roots = 0;
        Counter counter = new Counter(fragments);
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                anyOperation = true;
                matrixOnly &= operation.getOperation() == OperationDefinition.Operation.QUERY;
                for (Selection<?> selection : operation.getSelectionSet().getSelections()) {
                    roots++;
                    matrixOnly &= selection instanceof Field field && MATRIX_FIELDS.contains(field.getName());
                }
                counter.walk(operation.getSelectionSet(), 1);
            }
        }
        return new QueryShape(anyOperation && matrixOnly, roots, counter.fields, counter.depth, null);
    }

    /** Counts fields and depth, following fragment spreads (a fragment spreading itself stops at the walk's limit). */
    private static final class Counter {
        private final Map<String, FragmentDefinition> fragments;
        int fields;
        int depth;

        Counter(Map<String, FragmentDefinition> fragments) {
            this.fragments = fragments;
        }

        void walk(SelectionSet set, int level) {
            if (set == null || level > MAX_WALK_DEPTH) {
                depth = Math.max(depth, level);
                return;
            }
            for (Selection<?> selection : set.getSelections()) {
                if (selection instanceof Field field) {
                    fields++;
                    depth = Math.max(depth, level);
                    walk(field.getSelectionSet(), level + 1);
                } else if (selection instanceof InlineFragment inline) {
                    walk(inline.getSelectionSet(), level);
                } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                    walk(fragments.get(spread.getName()).getSelectionSet(), level);
                }
            }
        }
    }
}
