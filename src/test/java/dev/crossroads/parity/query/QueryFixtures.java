package dev.crossroads.parity.query;

import static dev.crossroads.roadmap.FeatureStatus.ABSENT;
import static dev.crossroads.roadmap.FeatureStatus.AVAILABLE;
import static dev.crossroads.roadmap.FeatureStatus.COMING_SOON;
import static dev.crossroads.roadmap.FeatureStatus.DEPRECATED;
import static dev.crossroads.roadmap.FeatureStatus.IDEA;
import static dev.crossroads.roadmap.FeatureStatus.IN_PROGRESS;
import static dev.crossroads.roadmap.FeatureStatus.NOT_PLANNED;
import static dev.crossroads.roadmap.FeatureStatus.ON_HOLD;
import static dev.crossroads.roadmap.FeatureStatus.PLANNED;
import static dev.crossroads.roadmap.FeatureStatus.PREVIEW;

import dev.crossroads.parity.Feature;
import dev.crossroads.parity.Feature.Alias;
import dev.crossroads.parity.MatrixRow;
import dev.crossroads.parity.Parity;
import dev.crossroads.parity.ParityCell;
import dev.crossroads.roadmap.FeatureStatus;
import dev.crossroads.roadmap.Priority;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A handmade matrix, python / typescript / java / dotnet, each row chosen to tell one query form from another:
 *
 * <pre>
 * id              python        typescript  java             dotnet       parity     group
 * logger          AVAILABLE     AVAILABLE   AVAILABLE        AVAILABLE    UNIVERSAL  Core observability
 * tracer          AVAILABLE     AVAILABLE   AVAILABLE        PREVIEW      UNIVERSAL  Core observability
 * metrics         AVAILABLE     AVAILABLE   IN_PROGRESS p0   AVAILABLE    PARTIAL    Core observability
 * idempotency     AVAILABLE     AVAILABLE   AVAILABLE        PLANNED p1   PARTIAL    Utilities
 * data-masking    AVAILABLE     IDEA        PLANNED p0       ABSENT       UNIQUE     Utilities
 * appsync-events  AVAILABLE     PREVIEW     IN_PROGRESS p1   ABSENT       PARTIAL    Event handler
 * batch           AVAILABLE     AVAILABLE   AVAILABLE        DEPRECATED   UNIVERSAL  Event handler utilities
 * kafka           COMING_SOON   PREVIEW     ON_HOLD          NOT_PLANNED  UNIQUE     (none, no description)
 * feature-flags   PLANNED p2    IDEA        IDEA             ABSENT       NONE       Utilities
 * </pre>
 */
final class QueryFixtures {

    static final List<String> LANGUAGES = List.of("python", "typescript", "java", "dotnet");

    static final List<MatrixRow> ROWS = List.of(
            row(feature("logger", "Logger", "Core observability", "Structured logging with request context",
                    alias("python", "Logger"), alias("java", "Logging"), alias("dotnet", "Logging")),
                    Parity.UNIVERSAL, c(AVAILABLE), c(AVAILABLE), c(AVAILABLE), c(AVAILABLE)),
            row(feature("tracer", "Tracer", "Core observability", "Distributed tracing with X-Ray"),
                    Parity.UNIVERSAL, c(AVAILABLE), c(AVAILABLE), c(AVAILABLE), c(PREVIEW)),
            row(feature("metrics", "Metrics", "Core observability", "Custom metrics in Embedded Metric Format"),
                    Parity.PARTIAL, c(AVAILABLE), c(AVAILABLE), c(IN_PROGRESS, Priority.P0), c(AVAILABLE)),
            row(feature("idempotency", "Idempotency", "Utilities", "Makes retries safe"),
                    Parity.PARTIAL, c(AVAILABLE), c(AVAILABLE), c(AVAILABLE), c(PLANNED, Priority.P1)),
            row(feature("data-masking", "Data Masking", "Utilities", "Hides sensitive fields",
                    alias("python", "Data Masking"), alias("java", "Sensitive data masking")),
                    Parity.UNIQUE, c(AVAILABLE), c(IDEA), c(PLANNED, Priority.P0), c(ABSENT)),
            row(feature("appsync-events", "AppSync Events", "Event handler", "Resolvers for real-time APIs"),
                    Parity.PARTIAL, c(AVAILABLE), c(PREVIEW), c(IN_PROGRESS, Priority.P1), c(ABSENT)),
            row(feature("batch", "Batch Processing", "Event handler utilities",
                    "Processes records in order and reports partial failures"),
                    Parity.UNIVERSAL, c(AVAILABLE), c(AVAILABLE), c(AVAILABLE), c(DEPRECATED)),
            row(feature("kafka", "Kafka Consumer", null, null, alias("typescript", "Kafka")),
                    Parity.UNIQUE, c(COMING_SOON), c(PREVIEW), c(ON_HOLD), c(NOT_PLANNED)),
            row(feature("feature-flags", "Feature Flags", "Utilities", "Evaluates flags from AppConfig"),
                    Parity.NONE, c(PLANNED, Priority.P2), c(IDEA), c(IDEA), c(ABSENT)));

    static final List<String> ALL_IDS = ROWS.stream().map(r -> r.feature().id()).toList();

    private QueryFixtures() {
    }

    /** The ids of the fixture rows the query matches, in row order. */
    static List<String> ids(String query) {
        FeatureQuery q = FeatureQuery.parse(query, LANGUAGES);
        return ROWS.stream().filter(q::matches).map(r -> r.feature().id()).toList();
    }

    /** {@code count} rows cycling through the fixture's shapes with random statuses, for timing. */
    static List<MatrixRow> manyRows(int count, long seed) {
        Random random = new Random(seed);
        FeatureStatus[] statuses = FeatureStatus.values();
        Priority[] priorities = Priority.values();
        List<MatrixRow> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Feature template = ROWS.get(i % ROWS.size()).feature();
            Feature feature = new Feature(template.id() + "-" + i, template.name() + " " + i, template.group(),
                    template.description(), template.aliases());
            List<ParityCell> cells = new ArrayList<>();
            for (String language : LANGUAGES) {
                Priority priority = random.nextInt(4) == 0 ? priorities[random.nextInt(priorities.length)] : null;
                cells.add(cell(language, new C(statuses[random.nextInt(statuses.length)], priority)));
            }
            rows.add(new MatrixRow(feature, Parity.values()[random.nextInt(Parity.values().length)], null, cells));
        }
        return rows;
    }

    /** A cell's status and roadmap priority. */
    record C(FeatureStatus status, Priority priority) {
    }

    private static C c(FeatureStatus status) {
        return new C(status, null);
    }

    private static C c(FeatureStatus status, Priority priority) {
        return new C(status, priority);
    }

    private static Alias alias(String language, String name) {
        return new Alias(language, name);
    }

    private static Feature feature(String id, String name, String group, String description, Alias... aliases) {
        return new Feature(id, name, group, description, List.of(aliases));
    }

    private static MatrixRow row(Feature feature, Parity parity, C python, C typescript, C java, C dotnet) {
        List<C> cs = List.of(python, typescript, java, dotnet);
        List<ParityCell> cells = new ArrayList<>();
        for (int i = 0; i < cs.size(); i++) {
            cells.add(cell(LANGUAGES.get(i), cs.get(i)));
        }
        return new MatrixRow(feature, parity, null, cells);
    }

    private static ParityCell cell(String language, C c) {
        return new ParityCell(language, c.status(), null, null, c.priority(), List.of(), List.of());
    }
}
