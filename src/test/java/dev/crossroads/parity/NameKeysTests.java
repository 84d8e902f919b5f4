package dev.crossroads.parity;

import static org.assertj.core.api.Assertions.assertThat;

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
}
