package dev.crossroads.parity.query;

import static dev.crossroads.parity.query.QueryFixtures.ALL_IDS;
import static dev.crossroads.parity.query.QueryFixtures.LANGUAGES;
import static dev.crossroads.parity.query.QueryFixtures.ROWS;
import static dev.crossroads.parity.query.QueryFixtures.ids;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crossroads.parity.MatrixRow;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which fixture rows (see {@link QueryFixtures}) each query form returns, exactly and in row order. */
class FeatureQueryTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "(none)", textBlock = """
            available_on:python     | logger tracer metrics idempotency data-masking appsync-events batch
            available_on:typescript | logger tracer metrics idempotency appsync-events batch kafka
            available_on:java       | logger tracer idempotency batch
            Available_On:DotNet     | logger tracer metrics batch
            -available_on:java      | metrics data-masking appsync-events kafka feature-flags
            """)
    void availableOnMeansShippedInThatLanguage(String query, String expected) {
        assertThat(ids(query)).containsExactlyElementsOf(split(expected));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "(none)", textBlock = """
            status:planned               | idempotency data-masking feature-flags
            STATUS:Preview               | tracer appsync-events kafka
            status:deprecated            | batch
            status:coming-soon           | kafka
            status:in-progress           | metrics appsync-events
            status:"in progress"         | metrics appsync-events
            status:not_planned           | kafka
            status:java=in_progress      | metrics appsync-events
            status:Java=IN-PROGRESS      | metrics appsync-events
            status:python=in_progress    | (none)
            status:dotnet=absent         | data-masking appsync-events feature-flags
            status:typescript=idea       | data-masking feature-flags
            """)
    void statusInAnyCellOrInOneLanguage(String query, String expected) {
        assertThat(ids(query)).containsExactlyElementsOf(split(expected));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "(none)", textBlock = """
            missing_in_one_of(python,typescript,java,dotnet)      | metrics idempotency
            missing_in_one_of( python , typescript )              | data-masking kafka
            MISSING_IN_ONE_OF(Python, "dotnet")                   | idempotency data-masking appsync-events
            missing_in_one_of(java)                               | metrics data-masking appsync-events kafka feature-flags
            missing_in_one_of(java,java,dotnet)                   | metrics idempotency
            -missing_in_one_of(python,typescript,java,dotnet)     | logger tracer data-masking appsync-events batch kafka feature-flags
            """)
    void missingInOneOfMeansShippedInAllButExactlyOne(String query, String expected) {
        assertThat(ids(query)).containsExactlyElementsOf(split(expected));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "(none)", textBlock = """
            parity:partial             | metrics idempotency appsync-events
            parity:UNIVERSAL           | logger tracer batch
            parity:unique              | data-masking kafka
            parity:none                | feature-flags
            group:"Event handler"      | appsync-events
            group:"event HANDLER"      | appsync-events
            group:utilities            | idempotency data-masking feature-flags
            group:event                | (none)
            priority:p0                | metrics data-masking
            priority:P1                | idempotency appsync-events
            priority:p3                | (none)
            name:"Data Masking"        | data-masking
            name:masking               | data-masking
            name:logging               | logger
            name:"sensitive data"      | data-masking
            name:"Data \\Masking"      | data-masking
            name:kafka                 | kafka
            name:safe                  | (none)
            id:logger                  | logger
            id:LOGGER                  | logger
            id:log                     | (none)
            id:"data-masking"          | data-masking
            """)
    void fieldsMatchTheirOwnPartOfTheRow(String query, String expected) {
        assertThat(ids(query)).containsExactlyElementsOf(split(expected));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "(none)", textBlock = """
            masking                    | data-masking
            Sensitive                  | data-masking
            logging                    | logger
            event                      | appsync-events batch
            "event handler"            | appsync-events batch
            "Resolvers for real-time"  | appsync-events
            appconfig                  | feature-flags
            x-ray                      | tracer
            consumer                   | kafka
            order                      | batch
            partial                    | batch
            android                    | (none)
            🙂                         | (none)
            """)
    void bareWordsAndPhrasesSearchIdNamesGroupAndDescription(String query, String expected) {
        assertThat(ids(query)).containsExactlyElementsOf(split(expected));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "(none)", textBlock = """
            logger OR tracer                                      | logger tracer
            logger or tracer                                      | logger tracer
            logger AND tracer                                     | (none)
            logger and tracer                                     | (none)
            available_on:python available_on:dotnet               | logger tracer metrics batch
            available_on:python AND available_on:dotnet           | logger tracer metrics batch
            kafka OR status:planned available_on:python           | idempotency data-masking kafka
            kafka OR status:planned AND available_on:python       | idempotency data-masking kafka
            status:planned available_on:python OR kafka           | idempotency data-masking kafka
            (kafka OR status:planned) available_on:python         | idempotency data-masking
            -parity:universal available_on:dotnet                 | metrics
            -(parity:universal OR status:planned)                 | metrics appsync-events kafka
            -available_on:java -available_on:dotnet               | data-masking appsync-events kafka feature-flags
            -(-available_on:java)                                 | logger tracer idempotency batch
            --available_on:java                                   | logger tracer idempotency batch
            group:utilities -(status:planned priority:p0)         | idempotency feature-flags
            ((logger OR tracer)) metrics                          | (none)
            ( logger OR tracer ) -tracer                          | logger
            """)
    void operatorsAndPrecedence(String query, String expected) {
        assertThat(ids(query)).containsExactlyElementsOf(split(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "  \t\n "})
    void blankMatchesEverything(String query) {
        assertThat(ids(query)).isEqualTo(ALL_IDS);
    }

    @Test
    void nullAndAllMatchEverything() {
        FeatureQuery nullQuery = FeatureQuery.parse(null, LANGUAGES);
        assertThat(ROWS).allMatch(nullQuery::matches);
        assertThat(nullQuery.text()).isEmpty();
        assertThat(ROWS).allMatch(FeatureQuery.all()::matches);
        assertThat(FeatureQuery.all().text()).isEmpty();
    }

    @Test
    void textIsTheOriginalQuery() {
        assertThat(FeatureQuery.parse("  Logger OR tracer ", LANGUAGES).text()).isEqualTo("  Logger OR tracer ");
    }

    @Test
    void languagesMayBeConfiguredInAnyCase() {
        FeatureQuery q = FeatureQuery.parse("available_on:java", List.of("Python", "TypeScript", "Java", "DotNet"));
        assertThat(ROWS.stream().filter(q::matches).map(r -> r.feature().id()))
                .containsExactly("logger", "tracer", "idempotency", "batch");
    }

    private static List<String> split(String expected) {
        return expected == null ? List.of() : Arrays.asList(expected.trim().split("\\s+"));
    }
}
