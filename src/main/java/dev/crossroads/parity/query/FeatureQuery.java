package dev.crossroads.parity.query;

import dev.crossroads.parity.MatrixRow;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * A parsed and compiled feature search, e.g. {@code available_on:python -available_on:java status:planned}. The
 * grammar is {@code FeatureSearch.g4}; parsing compiles the tree once into a predicate, so {@link #matches} is cheap
 * enough to run over every row of the matrix per request. Immutable and thread-safe.
 */
public final class FeatureQuery {

    /** Queries come from a search box; longer input is refused rather than parsed. */
    static final int MAX_LENGTH = 1000;

    private static final FeatureQuery ALL = new FeatureQuery("", QueryCompiler.ALWAYS);

    private final String text;
    private final Predicate<MatrixRow> predicate;

    private FeatureQuery(String text, Predicate<MatrixRow> predicate) {
        this.text = text;
        this.predicate = predicate;
    }

    /**
     * @param text      the query; null or blank matches everything
     * @param languages the tracked language ids that {@code available_on:}, {@code status:lang=} and
     *                  {@code missing_in_one_of(...)} may name
     * @throws QuerySyntaxException for any query that does not parse or names an unknown field, language or value
     */
    public static FeatureQuery parse(String text, Collection<String> languages) {
        String query = text == null ? "" : text;
        if (query.length() > MAX_LENGTH) {
            throw new QuerySyntaxException(MAX_LENGTH, "the query is " + query.length() + " characters long",
                    "at most " + MAX_LENGTH + " characters");
        }
        if (query.isBlank()) {
            return new FeatureQuery(query, QueryCompiler.ALWAYS);
        }
        QueryText source = new QueryText(query);
        try {
            FeatureSearchLexer lexer = new FeatureSearchLexer(CharStreams.fromString(query));
            lexer.removeErrorListeners(); // the default one prints to stderr
            lexer.addErrorListener(new Throwing(source));
            CommonTokenStream tokens = new CommonTokenStream(lexer);
            tokens.fill();
            rejectUnterminatedQuote(tokens.getTokens(), source);

            FeatureSearchParser parser = new FeatureSearchParser(tokens);
            parser.removeErrorListeners();
            parser.addErrorListener(new Throwing(source));
            parser.setErrorHandler(new QueryErrorStrategy(source));
            FeatureSearchParser.QueryContext tree = parser.query();
            return new FeatureQuery(query,
                    new QueryCompiler(source, languages == null ? List.of() : languages).visit(tree));
        } catch (RecognitionException | ParseCancellationException e) {
            // Not expected (the strategy throws first), but no ANTLR exception may reach callers.
            throw new QuerySyntaxException(0, "the query could not be read", "a valid search");
        }
    }

    /** Matches every row; what an empty search box means. */
    public static FeatureQuery all() {
        return ALL;
    }

    public boolean matches(MatrixRow row) {
        return predicate.test(row);
    }

    /** The query as given ("" for null). */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    /** Found before parsing so the error can point at the missing quote rather than at a strange token. */
    private static void rejectUnterminatedQuote(List<Token> tokens, QueryText source) {
        for (Token token : tokens) {
            if (token.getType() == FeatureSearchLexer.UNTERMINATED_STRING) {
                throw new QuerySyntaxException(source.text().length(), null,
                        "'\"' to close the quote at " + source.offset(token));
            }
        }
    }

    /** Replaces ANTLR's console listener; reached only if something slips past the lexer's catch-all rules. */
    private static final class Throwing extends BaseErrorListener {
        private final QueryText source;

        Throwing(QueryText source) {
            this.source = source;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                String msg, RecognitionException e) {
            int position = offendingSymbol instanceof Token token ? source.offset(token)
                    : recognizer instanceof Lexer lexer ? source.offset(lexer._tokenStartCharIndex) : 0;
            throw new QuerySyntaxException(position, "unreadable input",
                    "a search term");
        }
    }
}
