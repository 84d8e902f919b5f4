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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How big a GraphQL request is, read before it runs: its root fields (aliases make one request do the work of
 * thousands: 2,400 aliases of {@code sources} ran for 5.6 s), all its fields, its depth, and whether every root field
 * is served from the matrix (then its answer can be cached). Fragments count where they are spread, root-level ones
 * included; each fragment is measured once (a document spreading fragments into fragments cannot make this walk
 * exponential), and a fragment that spreads itself is refused as the engine would refuse it. Also read: how many root
 * fields read the database ({@link #EXPENSIVE_FIELDS}) and whether the schema is asked for ({@code __schema},
 * {@code __type}: they exist on the root only; their nesting is not held to the depth limit, see {@link Measure}).
 *
 * @param parseError why the document could not be read, or null; the endpoint answers those itself
 * @param badRequest why the body is not a GraphQL request at all (answered 400 before the engine sees it), or null
 * @param operation  the operation's name, {@value #ANONYMOUS} for an unnamed one, null when not known (metrics)
 */
record QueryShape(boolean matrixOnly, int rootFields, long fields, int depth, String parseError, String badRequest,
        int expensiveFields, boolean introspection, String operation) {

    /** The operation name of a document whose one operation has none. */
    static final String ANONYMOUS = "anonymous";

    /** Root fields served from the matrix alone. */
    static final Set<String> MATRIX_FIELDS = Set.of("parityMatrix", "features", "feature", "alignmentSuggestions",
            "unlinkedItems", "languages", "__typename");
    /** Root fields that read the database on every request (everything else is answered from memory). */
    static final Set<String> EXPENSIVE_FIELDS = Set.of("sources", "syncRuns", "changes", "roadmap", "docsFeatures",
            "curation");
    private static final Set<String> INTROSPECTION_FIELDS = Set.of("__schema", "__type");
    /** Well above any real query, well below what graphql-java refuses on its own with a generic error. */
    private static final int MAX_TOKENS = 10_000;
    /** The parse error of a document over {@link #MAX_TOKENS}. */
    static final String TOO_MANY_TOKENS = "the query has more than " + MAX_TOKENS + " tokens";
    /** Nesting walked before giving up; any depth limit is far below it. */
    private static final int MAX_WALK = 256;
    /** The parse error of a fragment that spreads itself, directly or not. */
    static final String FRAGMENT_CYCLE = "a fragment spreads itself";

    /** A body that is not a GraphQL request. */
    static QueryShape notARequest(String why) {
        return new QueryShape(false, 0, 0, 0, null, why, 0, false, null);
    }

    static QueryShape of(String query) {
        Document document;
        try {
            ParserOptions options = ParserOptions.getDefaultOperationParserOptions().transform(o -> o
                    .maxTokens(MAX_TOKENS).captureSourceLocation(false).captureLineComments(false));
            document = new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(query)
                    .parserOptions(options).build());
        } catch (graphql.parser.exceptions.ParseCancelledException e) {
            return new QueryShape(false, 0, 0, 0, TOO_MANY_TOKENS, null, 0, false, null);
        } catch (InvalidSyntaxException e) {
            return new QueryShape(false, 0, 0, 0, e.getMessage(), null, 0, false, null);
        }
        Measure measure = new Measure(document);
        boolean matrixOnly = true;
        boolean anyOperation = false;
        int roots = 0;
        int expensive = 0;
        boolean introspection = false;
        long fields = 0;
        int depth = 0;
        try {
            for (Definition<?> definition : document.getDefinitions()) {
                if (definition instanceof OperationDefinition operation) {
                    anyOperation = true;
                    matrixOnly &= operation.getOperation() == OperationDefinition.Operation.QUERY;
                    Roots found = measure.roots(operation.getSelectionSet());
                    roots = (int) Math.min(Integer.MAX_VALUE, roots + found.count);
                    expensive = (int) Math.min(Integer.MAX_VALUE, expensive + found.expensive);
                    introspection |= found.introspection;
                    matrixOnly &= found.matrixOnly;
                    Size size = measure.of(operation.getSelectionSet());
                    fields += size.fields;
                    depth = Math.max(depth, size.depth);
                }
            }
        } catch (FragmentCycle e) {
            return new QueryShape(false, 0, 0, 0, FRAGMENT_CYCLE, null, 0, false, null);
        }
        return new QueryShape(anyOperation && matrixOnly, roots, fields, depth, null, null, expensive, introspection,
                operationName(document));
    }

    /** The same shape for the operation a request names ({@code operationName}), when it names one. */
    QueryShape named(String requested) {
        return requested == null || requested.isBlank() ? this
                : new QueryShape(matrixOnly, rootFields, fields, depth, parseError, badRequest, expensiveFields,
                        introspection, requested);
    }

    /** The name of the document's one operation; null when it has several (the request must name one). */
    private static String operationName(Document document) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operations.size() != 1) {
            return null;
        }
        String name = operations.get(0).getName();
        return name == null || name.isBlank() ? ANONYMOUS : name;
    }

    /** Fields a selection set resolves and how deep it nests (a leaf field is depth 1). */
    private record Size(long fields, int depth) {
    }

    private static final class FragmentCycle extends RuntimeException {
        FragmentCycle() {
            super(null, null, false, false);
        }
    }

    /** Measures selection sets, each fragment once. */
    private static final class Measure {
        private final Map<String, FragmentDefinition> fragments = new HashMap<>();
        private final Map<String, Size> measured = new HashMap<>();
        private final Set<String> measuring = new HashSet<>();

        Measure(Document document) {
            for (Definition<?> definition : document.getDefinitions()) {
                if (definition instanceof FragmentDefinition fragment) {
                    fragments.put(fragment.getName(), fragment);
                }
            }
        }

        Size of(SelectionSet set) {
            return of(set, 0);
        }

        /** {@code level} bounds the recursion: far past any limit, the rest is not worth walking. */
        private Size of(SelectionSet set, int level) {
            long fields = 0;
            int depth = 0;
            if (set == null) {
                return new Size(0, 0);
            }
            if (level > MAX_WALK) {
                return new Size(1, 1);
            }
            for (Selection<?> selection : set.getSelections()) {
                Size size;
                if (selection instanceof Field field) {
                    Size below = of(field.getSelectionSet(), level + 1);
                    // the schema's own nesting is bounded by graphql-java's good-faith introspection check (depth
                    // 20, 500 fields, each schema list once); GraphiQL's introspection query nests 15 levels
                    size = new Size(1 + below.fields,
                            INTROSPECTION_FIELDS.contains(field.getName()) ? 1 : 1 + below.depth);
                } else if (selection instanceof InlineFragment inline) {
                    size = of(inline.getSelectionSet(), level + 1);
                } else if (selection instanceof FragmentSpread spread) {
                    size = fragment(spread.getName());
                } else {
                    continue;
                }
                fields = Math.min(Long.MAX_VALUE / 2, fields + size.fields);
                depth = Math.max(depth, size.depth);
            }
            return new Size(fields, depth);
        }

        private Size fragment(String name) {
            Size known = measured.get(name);
            if (known != null) {
                return known;
            }
            FragmentDefinition definition = fragments.get(name);
            if (definition == null) {
                return new Size(0, 0);
            }
            if (!measuring.add(name)) {
                throw new FragmentCycle();
            }
            Size size = of(definition.getSelectionSet());
            measuring.remove(name);
            measured.put(name, size);
            return size;
        }

        /** How many fields the root of an operation has, root-level fragments expanded (each measured once). */
        Roots roots(SelectionSet set) {
            long count = 0;
            long expensive = 0;
            boolean matrixOnly = true;
            boolean introspection = false;
            for (Selection<?> selection : set.getSelections()) {
                Roots found;
                if (selection instanceof Field field) {
                    String name = field.getName();
                    found = new Roots(1, MATRIX_FIELDS.contains(name), EXPENSIVE_FIELDS.contains(name) ? 1 : 0,
                            INTROSPECTION_FIELDS.contains(name));
                } else if (selection instanceof InlineFragment inline) {
                    found = roots(inline.getSelectionSet());
                } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                    found = rootsOf(spread.getName());
                } else {
                    continue;
                }
                count = Math.min(Long.MAX_VALUE / 2, count + found.count);
                expensive = Math.min(Long.MAX_VALUE / 2, expensive + found.expensive);
                matrixOnly &= found.matrixOnly;
                introspection |= found.introspection;
            }
            return new Roots(count, matrixOnly, expensive, introspection);
        }

        private final Map<String, Roots> rootsMeasured = new HashMap<>();
        private final Set<String> rootsMeasuring = new HashSet<>();

        private Roots rootsOf(String name) {
            Roots known = rootsMeasured.get(name);
            if (known != null) {
                return known;
            }
            if (!rootsMeasuring.add(name)) {
                throw new FragmentCycle();
            }
            Roots found = roots(fragments.get(name).getSelectionSet());
            rootsMeasuring.remove(name);
            rootsMeasured.put(name, found);
            return found;
        }
    }

    /**
     * Root fields of a selection set, whether all of them are served from the matrix, how many read the database, and
     * whether any asks for the schema.
     */
    private record Roots(long count, boolean matrixOnly, long expensive, boolean introspection) {
    }
}
