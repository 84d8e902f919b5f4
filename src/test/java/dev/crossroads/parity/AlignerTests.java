package dev.crossroads.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.crossroads.parity.FeatureLink.Reason;
import dev.crossroads.roadmap.FeatureStatus;
import dev.crossroads.snapshot.ItemFacts;
import dev.crossroads.snapshot.SourceKind;
import dev.crossroads.snapshot.StoredItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.api.Test;

class AlignerTests {

    private static final List<String> LANGUAGES = List.of("python", "typescript", "java", "dotnet");
    private static final Instant SEEN = Instant.parse("2024-09-01T00:00:00Z");

    // ------------------------------------------------------------------ same name, sub-pages

    @Test
    void loggerAndLoggingAreOneFeatureWithoutACatalog() {
        StoredItem logger = docs("python", "Logger", "core/logger.md", "Features");
        StoredItem logging = docs("java", "Logging", "core/logging.md", "Core utilities");

        Alignment alignment = align(List.of(logger, logging));

        assertThat(alignment.features()).extracting(Feature::id, Feature::name).containsExactly(tuple("logger", "Logger"));
        assertThat(alignment.features().get(0).aliases()).containsExactly(new Feature.Alias("python", "Logger"),
                new Feature.Alias("java", "Logging"));
        assertThat(alignment.links().get(logging.ref()))
                .isEqualTo(new FeatureLink(logging.ref(), "logger", 1.0, Reason.SAME_NAME, false));
        assertThat(alignment.links().get(logger.ref()))
                .isEqualTo(new FeatureLink(logger.ref(), "logger", 1.0, Reason.OWN_FEATURE, false));
        assertThat(alignment.suggestions()).isEmpty();
        assertThat(alignment.unlinked()).isEmpty();
    }

    @Test
    void aDocsFeaturesGroupIsItsInnermostNavGroup() {
        StoredItem logger = docs("python", "Logger", "core/logger.md", "Homepage > Features");
        StoredItem rest = docs("python", "REST API", "core/event_handler/api_gateway.md",
                "Homepage > Features > Event Handler");
        StoredItem logging = docs("java", "Logging", "core/logging.md", "Core utilities");
        StoredItem batch = docs("java", "Batch Processing", "utilities/batch.md", "Utilities");

        Alignment alignment = align(List.of(logger, rest, logging, batch));

        assertThat(alignment.features()).extracting(Feature::id, Feature::group).containsExactlyInAnyOrder(
                tuple("logger", "Features"), tuple("rest-api", "Event Handler"),
                tuple("batch-processing", "Utilities"));
    }

    @Test
    void aPageInTheFolderOfAnotherPageSupportsItAndMakesNoRow() {
        StoredItem metrics = docs("python", "Metrics", "core/metrics.md", "Features");
        StoredItem datadog = docs("python", "Datadog", "core/metrics/datadog.md", "Features");

        Alignment alignment = align(List.of(datadog, metrics));

        assertThat(alignment.features()).extracting(Feature::id).containsExactly("metrics");
        assertThat(alignment.links().get(datadog.ref()))
                .isEqualTo(new FeatureLink(datadog.ref(), "metrics", 1.0, Reason.SUB_PAGE, true));
        assertThat(alignment.features().get(0).aliases()).containsExactly(new Feature.Alias("python", "Metrics"));
    }

    @Test
    void aPageUnderANavEntryNamedLikeAnotherFeatureSupportsIt() {
        StoredItem metrics = docs("python", "Metrics", "core/metrics.md", "Features");
        StoredItem datadog = docs("python", "Datadog", "core/metrics_datadog.md", "Features > Metrics");
        StoredItem tracer = docs("python", "Tracer", "core/tracer.md", "Features");

        Alignment alignment = align(List.of(metrics, datadog, tracer));

        assertThat(alignment.features()).extracting(Feature::id).containsExactlyInAnyOrder("metrics", "tracer");
        assertThat(alignment.links().get(datadog.ref()))
                .isEqualTo(new FeatureLink(datadog.ref(), "metrics", 1.0, Reason.SUB_PAGE, true));
    }

    @Test
    void pagesUnderANavGroupWithoutAPageOfThatNameAreFeaturesOfTheirOwn() {
        StoredItem rest = docs("python", "REST API", "core/event_handler/api_gateway.md", "Features > Event Handler");
        StoredItem graphql = docs("python", "GraphQL API", "core/event_handler/appsync.md", "Features > Event Handler");

        Alignment alignment = align(List.of(rest, graphql));

        assertThat(alignment.features()).extracting(Feature::id).containsExactly("rest-api", "graph-ql-api");
        assertThat(alignment.links().values()).extracting(FeatureLink::reason, FeatureLink::supporting)
                .containsOnly(tuple(Reason.OWN_FEATURE, false));
    }

    // ------------------------------------------------------------------ suggestions

    @Test
    void aNearMissNameStaysApartAndIsSuggested() {
        double score = new JaroWinklerSimilarity().apply(NameKeys.key("Idempotent Handler"),
                NameKeys.key("Idempotency"));
        assertThat(score).as("a near miss").isBetween(Aligner.SUGGEST_AT, Aligner.LINK_AT).isLessThan(Aligner.LINK_AT);
        StoredItem idempotency = docs("python", "Idempotency", "utilities/idempotency.md", "Features");
        StoredItem handler = docs("java", "Idempotent Handler", "utilities/idempotent_handler.md", "Utilities");

        Alignment alignment = align(List.of(idempotency, handler));

        assertThat(alignment.features()).extracting(Feature::id)
                .containsExactly("idempotency", "idempotent-handler");
        assertThat(alignment.links().get(handler.ref()).featureId()).isEqualTo("idempotent-handler");
        assertThat(alignment.suggestions()).containsExactly(new Suggestion(
                "java:docs:docs/utilities/idempotent_handler.md->idempotency", handler.ref(), "Idempotent Handler",
                "idempotency", "Idempotency", Math.round(score * 100) / 100.0, "its name is close to Idempotency"));
        assertThat(alignment.suggestions().get(0).confidence()).isEqualTo(0.88);
    }

    @Test
    void aNameInsideAnotherStaysApartAndIsSuggested() {
        StoredItem cloudFormation = docs("python", "CloudFormation Custom Resources",
                "https://github.com/aws-cloudformation/custom-resource-helper", "Features");
        StoredItem custom = docs("java", "Custom Resources", "utilities/custom_resources.md", "Utilities");

        Alignment alignment = align(List.of(cloudFormation, custom));

        assertThat(alignment.features()).extracting(Feature::id)
                .containsExactly("cloud-formation-custom-resources", "custom-resources");
        assertThat(alignment.suggestions()).containsExactly(new Suggestion(
                "java:docs:docs/utilities/custom_resources.md->cloud-formation-custom-resources", custom.ref(),
                "Custom Resources", "cloud-formation-custom-resources", "CloudFormation Custom Resources", 0.88,
                "one name contains the other: Custom Resources / CloudFormation Custom Resources"));
    }

    @Test
    void aRejectedSuggestionIsNotSuggestedAgain() {
        StoredItem cloudFormation = docs("python", "CloudFormation Custom Resources",
                "https://github.com/aws-cloudformation/custom-resource-helper", "Features");
        StoredItem custom = docs("java", "Custom Resources", "utilities/custom_resources.md", "Utilities");
        Curation curation = new Curation(List.of(), List.of(), List.of(),
                List.of(new Curation.Link(custom.ref(), "cloud-formation-custom-resources")));

        Alignment alignment = Aligner.align(LANGUAGES, List.of(cloudFormation, custom), Catalog.NONE, curation);

        assertThat(alignment.suggestions()).isEmpty();
        assertThat(alignment.features()).extracting(Feature::id)
                .containsExactly("cloud-formation-custom-resources", "custom-resources");
    }

    // ------------------------------------------------------------------ curation

    @Test
    void aCuratedLinkMovesAnItemToAnotherFeature() {
        StoredItem jmespath = docs("python", "JMESPath Functions", "utilities/jmespath_functions.md", "Features");
        StoredItem serialization = docs("java", "Serialization Utilities", "utilities/serialization.md", "Utilities");
        Curation curation = new Curation(List.of(),
                List.of(new Curation.Link(serialization.ref(), "jmespath-functions")), List.of(), List.of());

        Alignment alignment = Aligner.align(LANGUAGES, List.of(jmespath, serialization), Catalog.NONE, curation);

        assertThat(alignment.links().get(serialization.ref()))
                .isEqualTo(new FeatureLink(serialization.ref(), "jmespath-functions", 1.0, Reason.CURATED, false));
        assertThat(alignment.features()).extracting(Feature::id).containsExactly("jmespath-functions");
        assertThat(alignment.features().get(0).aliases()).containsExactly(
                new Feature.Alias("python", "JMESPath Functions"), new Feature.Alias("java", "Serialization Utilities"));
    }

    @Test
    void aCuratedUnlinkListsTheItemAsUnlinked() {
        StoredItem logger = docs("python", "Logger", "core/logger.md", "Features");
        StoredItem logging = docs("java", "Logging", "core/logging.md", "Core utilities");
        Curation curation = new Curation(List.of(), List.of(new Curation.Link(logging.ref(), null)), List.of(),
                List.of());

        Alignment alignment = Aligner.align(LANGUAGES, List.of(logger, logging), Catalog.NONE, curation);

        assertThat(alignment.links()).containsOnlyKeys(logger.ref());
        assertThat(alignment.unlinked()).containsExactly(logging);
        assertThat(alignment.features().get(0).aliases()).containsExactly(new Feature.Alias("python", "Logger"));
    }

    @Test
    void aMergeFoldsOneFeatureIntoAnother() {
        StoredItem idempotency = docs("python", "Idempotency", "utilities/idempotency.md", "Features");
        StoredItem handler = docs("java", "Idempotent Handler", "utilities/idempotent_handler.md", "Utilities");
        Curation curation = new Curation(List.of(), List.of(),
                List.of(new Curation.Merge("idempotent-handler", "idempotency")), List.of());

        Alignment alignment = Aligner.align(LANGUAGES, List.of(idempotency, handler), Catalog.NONE, curation);

        assertThat(alignment.features()).extracting(Feature::id).containsExactly("idempotency");
        assertThat(alignment.features().get(0).aliases()).containsExactly(
                new Feature.Alias("python", "Idempotency"), new Feature.Alias("java", "Idempotent Handler"));
        assertThat(alignment.links().get(handler.ref()).featureId()).isEqualTo("idempotency");
        assertThat(alignment.links().get(handler.ref()).item()).isEqualTo(handler.ref());
        assertThat(alignment.suggestions()).as("the merge answers the suggestion").isEmpty();
    }

    @Test
    void aCuratedFeatureWithNoItemsStillAppears() {
        StoredItem logger = docs("python", "Logger", "core/logger.md", "Features");
        Curation curation = new Curation(
                List.of(new CatalogFeature("data-masking", "Data Masking", "Data", "Erase sensitive fields.", Map.of())),
                List.of(), List.of(), List.of());

        Alignment alignment = Aligner.align(LANGUAGES, List.of(logger), Catalog.NONE, curation);

        assertThat(alignment.features()).contains(
                new Feature("data-masking", "Data Masking", "Data", "Erase sensitive fields.", List.of()));
        assertThat(alignment.links().values()).extracting(FeatureLink::featureId).containsExactly("logger");
    }

    @Test
    void aCuratedFeatureRenamesWhatAlignmentFound() {
        StoredItem logger = docs("python", "Logger", "core/logger.md", "Features");
        Curation curation = new Curation(List.of(new CatalogFeature("logger", "Logging", "Observability", null,
                Map.of())), List.of(), List.of(), List.of());

        Alignment alignment = Aligner.align(LANGUAGES, List.of(logger), Catalog.NONE, curation);

        assertThat(alignment.features()).extracting(Feature::id, Feature::name, Feature::group)
                .containsExactly(tuple("logger", "Logging", "Observability"));
        assertThat(alignment.links().get(logger.ref()).featureId()).isEqualTo("logger");
    }

    // ------------------------------------------------------------------ roadmap titles

    @Test
    void roadmapTitlesAttachToTheFeaturesTheyName() {
        StoredItem masking = docs("python", "Data Masking", "utilities/data_masking.md", "Features");
        StoredItem logger = docs("python", "Logger", "core/logger.md", "Features");
        StoredItem add = roadmap("python", "data-masking", "Add Data Masking module");
        StoredItem request = roadmap("typescript", "feature-request-data-masking", "Feature request: Data Masking");
        StoredItem buffering = roadmap("python", "logger-log-buffering", "Logger: log buffering");
        StoredItem office = roadmap("python", "office-hours", "Office hours");

        Alignment alignment = align(List.of(masking, logger, add, request, buffering, office));

        assertThat(alignment.links().get(add.ref()))
                .isEqualTo(new FeatureLink(add.ref(), "data-masking", 0.95, Reason.TITLE_NAMES_FEATURE, false));
        assertThat(alignment.links().get(request.ref()))
                .isEqualTo(new FeatureLink(request.ref(), "data-masking", 0.95, Reason.TITLE_NAMES_FEATURE, false));
        assertThat(alignment.links().get(buffering.ref()))
                .isEqualTo(new FeatureLink(buffering.ref(), "logger", 0.8, Reason.TITLE_MENTIONS_FEATURE, true));
        assertThat(alignment.links()).doesNotContainKey(office.ref());
        assertThat(alignment.unlinked()).containsExactly(office);
        assertThat(alignment.features()).extracting(Feature::id).containsExactly("logger", "data-masking");
    }

    @Test
    void aFeatureShapedRoadmapTitleWithNothingToMatchIsItsOwnFeature() {
        StoredItem logger = docs("python", "Logger", "core/logger.md", "Features");
        StoredItem kafka = roadmap("python", "kafka", "Add Kafka consumer utility");

        Alignment alignment = align(List.of(logger, kafka));

        assertThat(alignment.features()).extracting(Feature::id, Feature::name, Feature::group).containsExactly(
                tuple("logger", "Logger", "Features"), tuple("kafka-consumer-utility", "Kafka consumer utility", null));
        assertThat(alignment.links().get(kafka.ref()))
                .isEqualTo(new FeatureLink(kafka.ref(), "kafka-consumer-utility", 0.9, Reason.OWN_FEATURE, false));
        assertThat(alignment.unlinked()).isEmpty();
    }

    // ------------------------------------------------------------------ catalog

    @Test
    void theCatalogJoinsDifferentlyQualifiedNamesAndKeepsOthersApart() {
        Catalog catalog = new Catalog(List.of(new CatalogFeature("parser", "Parser", "Data", null,
                Map.of("python", List.of("Parser (Pydantic)"), "typescript", List.of("Parser (Zod)")))));
        StoredItem pydantic = docs("python", "Parser (Pydantic)", "utilities/parser.md", "Features");
        StoredItem zod = docs("typescript", "Parser (Zod)", "utilities/parser.md", "Features");
        StoredItem pythonValidation = docs("python", "Validation", "utilities/validation.md", "Features");
        StoredItem typescriptValidation = docs("typescript", "Validation", "utilities/validation.md", "Features");

        Alignment alignment = Aligner.align(LANGUAGES,
                List.of(pydantic, zod, pythonValidation, typescriptValidation), catalog, Curation.NONE);

        assertThat(alignment.features()).extracting(Feature::id).containsExactly("parser", "validation");
        assertThat(alignment.links().get(pydantic.ref()))
                .isEqualTo(new FeatureLink(pydantic.ref(), "parser", 1.0, Reason.CATALOG, false));
        assertThat(alignment.links().get(zod.ref()))
                .isEqualTo(new FeatureLink(zod.ref(), "parser", 1.0, Reason.CATALOG, false));
        assertThat(alignment.links().get(pythonValidation.ref()).featureId()).isEqualTo("validation");
        assertThat(alignment.links().get(typescriptValidation.ref()).featureId()).isEqualTo("validation");
        Feature parser = alignment.features().get(0);
        assertThat(parser.name()).isEqualTo("Parser");
        assertThat(parser.group()).isEqualTo("Data");
        assertThat(parser.aliases()).containsExactly(new Feature.Alias("python", "Parser (Pydantic)"),
                new Feature.Alias("typescript", "Parser (Zod)"));
    }

    @Test
    void aCatalogPagePathClaimsAPageWhateverItIsTitled() {
        Catalog catalog = new Catalog(List.of(new CatalogFeature("metrics", "Metrics", "Core observability", null,
                Map.of("python", List.of("Metrics", "core/metrics/datadog.md")))));
        StoredItem datadog = docs("python", "Datadog", "core/metrics/datadog.md", "Features");

        Alignment alignment = Aligner.align(LANGUAGES, List.of(datadog), catalog, Curation.NONE);

        assertThat(alignment.links().get(datadog.ref()))
                .isEqualTo(new FeatureLink(datadog.ref(), "metrics", 1.0, Reason.CATALOG, false));
        assertThat(alignment.features()).extracting(Feature::id).containsExactly("metrics");
    }

    @Test
    void catalogFeaturesNothingLinksToAreLeftOut() {
        Catalog catalog = new Catalog(List.of(
                new CatalogFeature("tracer", "Tracer", "Core observability", null, Map.of("python", List.of("Tracer"))),
                new CatalogFeature("logger", "Logger", "Core observability", null, Map.of("python", List.of("Logger")))));
        StoredItem logger = docs("python", "Logger", "core/logger.md", "Features");

        Alignment alignment = Aligner.align(LANGUAGES, List.of(logger), catalog, Curation.NONE);

        assertThat(alignment.features()).extracting(Feature::id).containsExactly("logger");
    }

    // ------------------------------------------------------------------ determinism

    @Test
    void theSameItemsInAnotherOrderAlignTheSame() {
        List<StoredItem> items = new ArrayList<>(List.of(
                docs("python", "Logger", "core/logger.md", "Features"),
                docs("python", "Metrics", "core/metrics.md", "Features"),
                docs("python", "Datadog", "core/metrics/datadog.md", "Features"),
                docs("python", "Idempotency", "utilities/idempotency.md", "Features"),
                docs("python", "CloudFormation Custom Resources",
                        "https://github.com/aws-cloudformation/custom-resource-helper", "Features"),
                docs("typescript", "Logger", "core/logger.md", "Features"),
                docs("java", "Logging", "core/logging.md", "Core utilities"),
                docs("java", "Idempotent Handler", "utilities/idempotent_handler.md", "Utilities"),
                docs("java", "Custom Resources", "utilities/custom_resources.md", "Utilities"),
                docs("dotnet", "Tracing", "core/tracing.md", "Core utilities"),
                roadmap("python", "buffering", "Logger: log buffering"),
                roadmap("dotnet", "kafka", "Add Kafka consumer utility"),
                roadmap("python", "office-hours", "Office hours")));

        Alignment forward = align(items);
        List<StoredItem> reversed = new ArrayList<>(items);
        Collections.reverse(reversed);
        Alignment backward = align(reversed);

        assertThat(backward.features()).isEqualTo(forward.features());
        assertThat(backward.links()).isEqualTo(forward.links());
        assertThat(backward.suggestions()).isEqualTo(forward.suggestions());
        assertThat(backward.unlinked()).isEqualTo(forward.unlinked());
        assertThat(forward.features()).extracting(Feature::id).containsExactly("logger", "metrics",
                "cloud-formation-custom-resources", "idempotency", "custom-resources", "idempotent-handler", "tracing",
                "kafka-consumer-utility");
        assertThat(forward.suggestions()).hasSize(2);
    }

    // ------------------------------------------------------------------ helpers

    private static Alignment align(List<StoredItem> items) {
        return Aligner.align(LANGUAGES, items, Catalog.NONE, Curation.NONE);
    }

    /** A documented feature as the docs source stores it: keyed by its page (or its link, for an external entry). */
    static StoredItem docs(String language, String title, String page, String section) {
        String evidence = page.contains("://") ? page
                : "https://github.com/aws-powertools/powertools-lambda-" + language + "/blob/main/docs/" + page;
        return item(language, SourceKind.DOCS, new ItemFacts("docs/" + page, title, "FEATURE",
                FeatureStatus.AVAILABLE, "documented", null, null, null, section, page, evidence, List.of(), null));
    }

    /** A roadmap item on the roadmap with no checklist. */
    static StoredItem roadmap(String language, String key, String title) {
        return item(language, SourceKind.ROADMAP, new ItemFacts(key, title, "THEME", FeatureStatus.PLANNED,
                "on the roadmap with no checklist", null, null, null, "Themes", null,
                "https://github.com/aws-powertools/powertools-lambda-" + language + "/blob/main/docs/roadmap.md#L10",
                List.of(), null));
    }

    static StoredItem item(String language, SourceKind source, ItemFacts facts) {
        return new StoredItem(language, source, facts, SEEN, SEEN, SEEN);
    }
}
