package dev.crossroads.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameKeysTests {

    @Test
    void loggerAndLoggingShareOneKey() {
        assertThat(NameKeys.key("Logger")).isEqualTo("logg");
        assertThat(NameKeys.key("Logging")).isEqualTo("logg");
        assertThat(NameKeys.of("Logging")).containsExactly("logg");
    }

    @Test
    void tracerAndTracingShareOneKey() {
        assertThat(NameKeys.key("Tracer")).isEqualTo("trac");
        assertThat(NameKeys.key("Tracing")).isEqualTo("trac");
    }

    @Test
    void fillerWordsDoNotCount() {
        assertThat(NameKeys.key("Idempotency utility")).isEqualTo("idempotency");
        assertThat(NameKeys.key("Idempotency")).isEqualTo("idempotency");
        assertThat(NameKeys.key("Powertools for AWS Lambda Idempotency module")).isEqualTo("idempotency");
    }

    @Test
    void camelCaseIsSplitIntoWords() {
        assertThat(NameKeys.key("EventHandler")).isEqualTo("event handl");
        assertThat(NameKeys.key("Event Handler")).isEqualTo("event handl");
        assertThat(NameKeys.tokens("EventHandler")).containsExactly("event", "handl");
    }

    @Test
    void caseAndPunctuationDoNotCount() {
        assertThat(NameKeys.key("BATCH-processing")).isEqualTo("batch process");
        assertThat(NameKeys.key("Batch Processing")).isEqualTo("batch process");
        assertThat(NameKeys.key("batch_processing!")).isEqualTo("batch process");
    }

    @Test
    void aParenthesisedQualifierAlsoGivesTheKeyWithoutIt() {
        assertThat(NameKeys.of("Parser (Pydantic)")).containsExactly("pars pydantic", "pars");
        assertThat(NameKeys.of("Parser (Pydantic)")).contains(NameKeys.key("Parser"));
        assertThat(NameKeys.of("Parser (Zod)")).containsExactly("pars zod", "pars");
        assertThat(NameKeys.of("Parser")).containsExactly("pars");
    }

    @Test
    void aNameOfFillerOnlyHasAnEmptyKeyAndNoKeys() {
        assertThat(NameKeys.key("Utility module")).isEmpty();
        assertThat(NameKeys.key("Powertools for AWS Lambda utilities")).isEmpty();
        assertThat(NameKeys.of("Utility module")).isEmpty();
        assertThat(NameKeys.of(null)).isEmpty();
        assertThat(NameKeys.tokens(null)).isEmpty();
    }

    @Test
    void stemmingStripsOnePluralAndOneEnding() {
        assertThat(NameKeys.stem("metrics")).isEqualTo("metric");
        assertThat(NameKeys.stem("class")).isEqualTo("class");
        assertThat(NameKeys.stem("validation")).isEqualTo("valid");
        assertThat(NameKeys.stem("validator")).isEqualTo("valid");
        assertThat(NameKeys.stem("parameters")).isEqualTo("paramet");
        // too short to lose an ending
        assertThat(NameKeys.stem("ring")).isEqualTo("ring");
        assertThat(NameKeys.stem("bus")).isEqualTo("bus");
    }

    @ParameterizedTest
    @CsvSource({
            "utilities/data_masking.md, data masking",
            "core/logger.md, logger",
            "core/metrics/index.md, metrics",
            "utilities/batch-processing.md, batch processing",
            "core/event_handler/, event handler",
            "idempotency.md, idempotency"
    })
    void pageStem(String path, String stem) {
        assertThat(NameKeys.pageStem(path)).isEqualTo(stem);
    }

    @Test
    void pageStemOfNoPageIsNull() {
        assertThat(NameKeys.pageStem(null)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "core/metrics.md, core/metrics/",
            "core/metrics/index.md, core/metrics/",
            "utilities/data_masking.md, utilities/data_masking/",
            "index.md, index/"
    })
    void pageFolder(String path, String folder) {
        assertThat(NameKeys.pageFolder(path)).isEqualTo(folder);
    }

    @Test
    void pageFolderOfNoPageIsNull() {
        assertThat(NameKeys.pageFolder(null)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Data Masking | data-masking",
            "EventHandler | event-handler",
            "Event Handler: REST/HTTP API | event-handler-rest-http-api",
            "  Parser (Pydantic)  | parser-pydantic",
            "JMESPath Functions | jmespath-functions",
            "!!! | feature"
    })
    void slug(String name, String slug) {
        assertThat(NameKeys.slug(name)).isEqualTo(slug);
    }

    @Test
    void aLongSlugIsCutToAHundredCharactersWithoutATrailingHyphen() {
        // "abc-" × 25 is exactly 100 characters: the cut would end on a hyphen, which is dropped
        assertThat(NameKeys.slug("abc ".repeat(40))).isEqualTo("abc-".repeat(24) + "abc");
        assertThat(NameKeys.slug("x".repeat(150))).isEqualTo("x".repeat(100));
    }

    /** The rules as first written, with regular expressions: the one-pass reading must say exactly the same. */
    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Pattern PAGE_SUFFIX = Pattern.compile("(/index)?(\\.md)?/*$");

    private static List<String> tokensByRegex(String name) {
        List<String> tokens = new ArrayList<>();
        for (String word : NOT_WORD.split(CAMEL.matcher(name).replaceAll("$1 $2").toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty() && !NameKeys.tokens(word).isEmpty()) { // filler words drop out either way
                tokens.add(NameKeys.stem(word));
            }
        }
        return tokens;
    }

    @Test
    void theOnePassReadingAgreesWithTheRegularExpressions() {
        String alphabet = "aAbBzZ09 -_./()&:'eRrINngsSTtK\u212A\u00e9\u0130";
        String[] pieces = {"Logger", "HTTPRouter", "EventHandler", "event_handler", "index", ".md", "/", "utilities",
                "Feature Flags", "v2", "APIGateway", "JSONSchema", "--", "  "};
        Random random = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder name = new StringBuilder();
            int parts = 1 + random.nextInt(6);
            for (int p = 0; p < parts; p++) {
                if (random.nextBoolean()) {
                    name.append(pieces[random.nextInt(pieces.length)]);
                } else {
                    name.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String text = name.toString();
            assertThat(NameKeys.tokens(text)).as("tokens of \"%s\"", text).isEqualTo(tokensByRegex(text));
            assertThat(NameKeys.withoutPageSuffix(text)).as("page of \"%s\"", text)
                    .isEqualTo(PAGE_SUFFIX.matcher(text).replaceFirst(""));
        }
    }

    @Test
    void pagesLoseTheirAddressEndingOnly() {
        assertThat(NameKeys.pageStem("utilities/data_masking.md")).isEqualTo("data masking");
        assertThat(NameKeys.pageFolder("core/index.md")).isEqualTo("core/");
        assertThat(NameKeys.pageFolder("core/metrics.md/")).isEqualTo("core/metrics/");
        assertThat(NameKeys.withoutPageSuffix("index.md")).isEqualTo("index");
        assertThat(NameKeys.withoutPageSuffix("a/index/index.md")).isEqualTo("a/index");
    }
}
