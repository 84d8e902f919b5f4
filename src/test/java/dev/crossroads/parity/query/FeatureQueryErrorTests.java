package dev.crossroads.parity.query;

import static dev.crossroads.parity.query.QueryFixtures.LANGUAGES;
import static dev.crossroads.parity.query.QueryFixtures.ROWS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of bad query: its exact message and the character position it points at. */
class FeatureQueryErrorTests {

    private static final String STATUSES = "available, preview, deprecated, coming_soon, in_progress, planned, idea, "
            + "on_hold, not_planned, absent";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            colour:red                         | 0  | unknown field 'colour'; expected one of the fields available_on, status, parity, group, priority, name, id, or missing_in_one_of(...)
            logger Colour:"red"                | 7  | unknown field 'Colour'; expected one of the fields available_on, status, parity, group, priority, name, id, or missing_in_one_of(...)
            available_on:cobol                 | 13 | unknown language 'cobol'; expected one of the languages python, typescript, java, dotnet
            status:cobol=planned               | 7  | unknown language 'cobol'; expected one of the languages python, typescript, java, dotnet
            missing_in_one_of(python,cobol)    | 25 | unknown language 'cobol'; expected one of the languages python, typescript, java, dotnet
            parity:full                        | 7  | unknown parity 'full'; expected one of the parities universal, partial, unique, none
            priority:p9                        | 9  | unknown priority 'p9'; expected one of the priorities p0, p1, p2, p3
            name:""                            | 5  | empty value; expected some text after 'name:'
            name:masking=x                     | 12 | only status: takes language=status; expected a single value after 'name:'
            """)
    void unknownNamesListTheKnownOnes(String query, int position, String message) {
        assertError(query, position, message);
    }

    @Test
    void unknownStatusListsTheStatusesAndHintsAtTheLanguageForm() {
        assertError("status:shipped", 7, "unknown status 'shipped'; expected one of the statuses " + STATUSES);
        assertError("status:python=later", 14, "unknown status 'later'; expected one of the statuses " + STATUSES);
        assertError("status:java", 7, "unknown status 'java'; expected one of the statuses " + STATUSES
                + " (for one language, write status:java=<status>)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            logger status:                     | 14 | expected a value after 'status:'
            status: OR logger                  | 8  | expected a value after 'status:'
            status:=planned                    | 7  | expected a value after 'status:'
            status:python=                     | 14 | expected a status after 'python='
            (logger OR tracer                  | 17 | expected ')' to close the '(' at 0
            logger ((tracer) OR metrics        | 27 | expected ')' to close the '(' at 7
            logger)                            | 6  | ')' without a matching '('; expected a search term, AND, OR or the end of the query
            (logger)) tracer                   | 8  | ')' without a matching '('; expected a search term, AND, OR or the end of the query
            ()                                 | 1  | expected a search term after '('
            logger AND                         | 10 | expected a search term after 'AND'
            logger or                          | 9  | expected a search term after 'or'
            OR logger                          | 0  | expected a search term before 'OR'
            logger AND OR tracer               | 11 | expected a search term after 'AND'
            (logger AND) tracer                | 11 | expected a search term after 'AND'
            -                                  | 1  | expected a search term after '-'
            logger -)                          | 8  | expected a search term after '-'
            missing_in_one_of()                | 18 | expected a language after 'missing_in_one_of('
            missing_in_one_of(python,)         | 25 | expected a language after ','
            missing_in_one_of(python java)     | 25 | expected ',' or ')' after 'python'
            missing_in_one_of(python           | 24 | expected ',' or ')' after 'python'
            missing_in_one_of python           | 18 | expected '(' after 'missing_in_one_of'
            name:"Data Masking                 | 18 | expected '"' to close the quote at 5
            "a \\" b                           | 7  | expected '"' to close the quote at 0
            logger,tracer                      | 6  | unexpected ','; expected a search term, AND, OR or the end of the query
            (a:b:c)                            | 4  | unexpected ':'; expected a search term, AND, OR or ')'
            a = b                              | 2  | unexpected '='; expected a search term, AND, OR or the end of the query
            """)
    void syntaxErrorsSayWhatWasExpectedWhere(String query, int position, String message) {
        assertError(query, position, message);
    }

    @Test
    void positionsCountJavaCharsNotCodePoints() {
        assertError("\"🙂\" colour:x", 5, "unknown field 'colour'; expected one of the fields available_on, status, "
                + "parity, group, priority, name, id, or missing_in_one_of(...)");
    }

    @Test
    void noTrackedLanguagesSaysSo() {
        QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class,
                () -> FeatureQuery.parse("available_on:python", null));
        assertThat(e.getMessage()).isEqualTo("at 13: unknown language 'python'; expected a tracked language, but "
                + "none are configured");
    }

    @Test
    void inputOverAThousandCharactersIsRefused() {
        String atLimit = "logger ".repeat(142) + "lo"; // 996 chars, then padded with spaces
        atLimit = atLimit + " ".repeat(1000 - atLimit.length());
        assertThat(atLimit).hasSize(1000);
        assertThat(FeatureQuery.parse(atLimit, LANGUAGES).matches(ROWS.get(0))).isTrue();

        assertError(atLimit + "x", 1000, "the query is 1001 characters long; expected at most 1000 characters");
    }

    /**
     * Random token soup from a fixed seed: parse either returns a query that can evaluate every row, or throws a
     * QuerySyntaxException pointing inside the text; nothing else escapes and nothing is printed.
     */
    @Test
    void anyTokenSoupParsesOrFailsCleanly() {
        String[] pieces = {"available_on", "status", "parity", "group", "priority", "name", "id", "colour",
            "missing_in_one_of", ":", "=", "(", ")", ",", "-", "\"", "\\", "AND", "or", "and", "OR", "python", "java",
            "cobol", "planned", "in-progress", "p0", "partial", "\"Data Masking\"", "\"", "logger", "order", "🙂",
            " ", " ", " ", "\t", "\n", "x", "é", "İ"};
        Random random = new Random(20_240_611L);
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int parsed = 0;
        int failed = 0;
        try {
            System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
            for (int i = 0; i < 600; i++) {
                StringBuilder query = new StringBuilder();
                int length = 1 + random.nextInt(12);
                for (int j = 0; j < length; j++) {
                    query.append(pieces[random.nextInt(pieces.length)]);
                }
                String text = query.toString();
                try {
                    FeatureQuery q = FeatureQuery.parse(text, LANGUAGES);
                    assertThatCode(() -> ROWS.forEach(q::matches)).as(text).doesNotThrowAnyException();
                    parsed++;
                } catch (QuerySyntaxException e) {
                    assertThat(e.position()).as(text).isBetween(0, text.length());
                    assertThat(e.getMessage()).as(text).startsWith("at " + e.position() + ": ")
                            .contains("expected " + e.expected());
                    failed++;
                }
            }
        } finally {
            System.setErr(err);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(parsed).as("queries that parsed").isGreaterThan(20);
        assertThat(failed).as("queries that failed").isGreaterThan(20);
    }

    private static void assertError(String query, int position, String message) {
        QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class,
                () -> FeatureQuery.parse(query, LANGUAGES));
        assertThat(e).as(query).isNotNull();
        assertThat(e.getMessage()).isEqualTo("at " + position + ": " + message);
        assertThat(e.position()).isEqualTo(position);
        assertThat(message).contains("expected " + e.expected());
    }
}
