package dev.crossroads.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per page shape seen in the wild, each on a small page of our own in that shape. */
class RoadmapParserTests {

    private final RoadmapParser parser = new RoadmapParser();

    @Test
    void themesEraReadsEachThemeAsAPlannedItem() {
        RoadmapDocument doc = parser.parse("""
                ## Overview

                ???+ info "We pause new features until [the end of March](https://github.com/acme/kit/issues/7)."

                This is our roadmap.

                ## Themes

                ### Faster cold starts

                We are trimming [dependencies](https://github.com/acme/kit/pull/12){target="_blank"} to load quicker.

                !!! tip "Vote on the [RFC](https://github.com/acme/kit/discussions/3)"

                ### Drop Python 3.7

                Support ends after the runtime's deprecation.

                ## Process

                ### Feature request
                Open an issue.
                """);

        assertThat(doc.items()).extracting(RoadmapItem::title, RoadmapItem::kind, RoadmapItem::status)
                .containsExactly(tuple("Faster cold starts", ItemKind.THEME, ItemStatus.PLANNED),
                        tuple("Drop Python 3.7", ItemKind.THEME, ItemStatus.PLANNED));
        RoadmapItem first = doc.items().get(0);
        assertThat(first.id()).isEqualTo("themes/faster-cold-starts");
        assertThat(first.sectionPath()).containsExactly("Themes");
        assertThat(first.description()).isEqualTo("We are trimming dependencies to load quicker.");
        assertThat(first.notes()).containsExactly(new RoadmapNote("tip", "Vote on the RFC", ""));
        assertThat(first.links()).extracting(RoadmapLink::kind, RoadmapLink::number)
                .containsExactly(tuple(LinkKind.PULL_REQUEST, 12), tuple(LinkKind.RFC, 3));
        assertThat(first.statusEvidence()).isEqualTo("on the roadmap with no checklist");
        assertThat(doc.warnings()).extracting(ParseWarning::message)
                .contains("section 'Process' explains the roadmap: no items read");
    }

    @Test
    void keyAreasChecklistGivesProgressAndStatusWithNestedSubTasks() {
        RoadmapDocument doc = parser.parse("""
                # Overview

                Direction of travel.

                ## Key areas

                **Missing something?** Tell us.

                ### Tracing exporters

                Send spans anywhere.

                **Major updates**

                * [x] [Exporter interface](https://github.com/acme/kit/issues/40)
                * [ ] Vendor exporters
                    * [x] First vendor
                    * [ ] Second vendor
                * [ ] [Docs](https://docs.acme.dev/kit/tracing/)

                ### Office hours

                - [x] Pick a tool
                - [x] Announce it
                """);

        RoadmapItem tracing = doc.items().get(0);
        assertThat(doc.title()).isNull();
        assertThat(tracing.kind()).isEqualTo(ItemKind.KEY_AREA);
        assertThat(tracing.progress()).isEqualTo(new Progress(2, 5));
        assertThat(tracing.status()).isEqualTo(ItemStatus.IN_PROGRESS);
        assertThat(tracing.statusEvidence()).isEqualTo("checklist 2/5 done");
        assertThat(tracing.checklist()).extracting(ChecklistEntry::text, ChecklistEntry::done, ChecklistEntry::depth)
                .containsExactly(tuple("Exporter interface", true, 0), tuple("Vendor exporters", false, 0),
                        tuple("First vendor", true, 1), tuple("Second vendor", false, 1), tuple("Docs", false, 0));
        assertThat(tracing.checklist().get(0).links()).extracting(RoadmapLink::kind, RoadmapLink::owner,
                RoadmapLink::repo, RoadmapLink::number).containsExactly(tuple(LinkKind.ISSUE, "acme", "kit", 40));
        assertThat(tracing.description()).isEqualTo("Send spans anywhere.");
        assertThat(doc.items().get(1).status()).isEqualTo(ItemStatus.DONE);
    }

    @Test
    void priorityGroupsPassTheirPriorityToTheItemsBelow() {
        RoadmapDocument doc = parser.parse("""
                ---
                title: Roadmap
                description: Public roadmap
                ---

                ## Overview

                Intro.

                ### Key areas

                #### Core utilities (p0)

                ##### Logging v2

                - [ ] Buffering

                ##### Metrics v2

                #### Event Handler REST (P1)

                - [x] Router
                - [ ] OpenAPI

                #### Community [p3]
                """);

        assertThat(doc.title()).isEqualTo("Roadmap");
        assertThat(doc.frontMatter()).containsEntry("description", List.of("Public roadmap"));
        assertThat(doc.items()).extracting(RoadmapItem::id, RoadmapItem::priority)
                .containsExactly(tuple("key-areas/core-utilities/logging-v2", Priority.P0),
                        tuple("key-areas/core-utilities/metrics-v2", Priority.P0),
                        tuple("key-areas/event-handler-rest", Priority.P1),
                        tuple("key-areas/community", Priority.P3));
        assertThat(doc.items().get(2).title()).isEqualTo("Event Handler REST");
        assertThat(doc.sections()).extracting(RoadmapSection::path, RoadmapSection::role)
                .contains(tuple(List.of("Overview", "Key areas", "Core utilities"), RoadmapSection.SectionRole.GROUP));
    }

    @Test
    void itemsBesideAnEmptyKeyAreasHeadingBelongToIt() {
        RoadmapDocument doc = parser.parse("""
                ### Key areas

                Security first.

                ### Core Utilities (P0)

                #### Logging V2

                - [ ] Structured output

                ### Production readiness (P1)

                - [x] Scorecard

                ## Roadmap status definition

                * **Ideas**. New.
                """);

        assertThat(doc.items()).extracting(CorpusConformanceTests::describe).containsExactly(
                "Key areas > Core Utilities > Logging V2 | KEY_AREA | P0 | PLANNED | 0/1",
                "Key areas > Production readiness | KEY_AREA | P1 | DONE | 1/1");
    }

    @Test
    void launchedAndDroppedSectionsDecideTheStatus() {
        RoadmapDocument doc = parser.parse("""
                ## Key areas

                ### Streaming

                ## Launched

                ### Parser

                > [Docs](https://docs.acme.dev/kit/parser/)

                - [x] Models
                - [ ] Envelopes

                ## Dropped

                ### Layer in release notes

                > **Reason**: Customers prefer public parameters.
                """);

        RoadmapItem launched = doc.items().get(1);
        assertThat(launched.kind()).isEqualTo(ItemKind.LAUNCHED);
        assertThat(launched.status()).isEqualTo(ItemStatus.SHIPPED);
        assertThat(launched.progress()).isEqualTo(new Progress(1, 2));
        assertThat(launched.links()).extracting(RoadmapLink::text, RoadmapLink::kind)
                .containsExactly(tuple("Docs", LinkKind.DOCS));
        RoadmapItem dropped = doc.items().get(2);
        assertThat(dropped.status()).isEqualTo(ItemStatus.DROPPED);
        assertThat(dropped.notes()).containsExactly(new RoadmapNote("reason", "Reason",
                "Customers prefer public parameters."));
    }

    @Test
    void struckThroughWorkIsWontDo() {
        RoadmapDocument doc = parser.parse("""
                ## Key areas

                ### Logging

                - [x] JSON output
                - [ ] ~~Adapter for the old logger~~ (won't do)
                - [ ] Sampling

                ### ~~Layer in China regions~~
                """);

        RoadmapItem logging = doc.items().get(0);
        assertThat(logging.checklist()).extracting(ChecklistEntry::wontDo).containsExactly(false, true, false);
        assertThat(logging.progress()).isEqualTo(new Progress(1, 2));
        assertThat(doc.items().get(1).status()).isEqualTo(ItemStatus.DROPPED);
        assertThat(doc.items().get(1).title()).isEqualTo("Layer in China regions");
    }

    @Test
    void anAttributeListCutShortNeverReachesATitle() {
        // found by RoadmapParserProperties: a page truncated inside {target="_blank"}
        RoadmapDocument doc = parser.parse("""
                ## Key areas

                ### Observability [providers](https://github.com/acme/kit/issues/1){target="_bl
                """);

        assertThat(doc.items()).extracting(RoadmapItem::title).containsExactly("Observability providers");
    }

    @Test
    void markupNoiseNeverReachesTitlesOrText() {
        RoadmapDocument doc = parser.parse("""
                <!-- markdownlint-disable MD043 -->
                ## Key areas

                ### Observability [providers](https://github.com/acme/kit/issues/1){target="_blank"}

                See the [board](https://github.com/orgs/acme/projects/3/views/1){target="\\_blank"} and \
                [![badge](https://img.shields.io/x.svg)](https://discord.gg/x){target="_blank"}.

                - [ ] [Bridge to the logs API]()

                <center>
                ```mermaid
                graph LR
                    Ideas --> Merged["Coming soon"]
                ```
                </center>
                """);

        RoadmapItem item = doc.items().get(0);
        assertThat(item.title()).isEqualTo("Observability providers");
        assertThat(item.description()).isEqualTo("See the board and .");
        assertThat(item.links()).extracting(RoadmapLink::kind, RoadmapLink::owner, RoadmapLink::number)
                .contains(tuple(LinkKind.BOARD, "acme", 3));
        assertThat(item.checklist()).extracting(ChecklistEntry::text).containsExactly("Bridge to the logs API");
        assertThat(doc.warnings()).extracting(ParseWarning::message)
                .contains("empty link 'Bridge to the logs API' ignored");
    }

    @Test
    void statusVocabularyComesFromTheDefinitionListNotTheDiagram() {
        RoadmapDocument doc = parser.parse("""
                ## Themes

                ### One

                ## Roadmap status definition

                <center>
                ```mermaid
                graph LR
                    Ideas --> Backlog --> Work["Working on it"] --> Merged["Coming soon"] --> Shipped
                ```
                </center>

                * **Ideas**. Incoming requests.
                * **Backlog**. Accepted.
                * **Working on it**. Being built.
                * **Coming soon**. Merged, not released.
                * **Shipped**. Released.
                * **On hold**. Blocked.
                * **Pending review**. Nearly there.
                """);

        assertThat(doc.statusVocabulary()).containsExactly("Ideas", "Backlog", "Working on it", "Coming soon",
                "Shipped", "On hold", "Pending review");
    }

    @Test
    void declaredStatusWinsOverAnEmptyChecklist() {
        RoadmapDocument doc = parser.parse("""
                ## Themes

                ### Batch processing

                Status: Working on it
                """);

        assertThat(doc.items().get(0).status()).isEqualTo(ItemStatus.IN_PROGRESS);
        assertThat(doc.items().get(0).statusEvidence()).isEqualTo("declared: Status: Working on it");
    }

    @Test
    void numberedStreamsOfWorkAreItemsWithoutStatus() {
        RoadmapDocument doc = parser.parse("""
                # Widget Roadmap

                ## Main Streams of Work

                The streams, in no order:

                1. **Portability**

                   Runs the same everywhere.

                2. API parity

                   Mocks behave like the [real thing](https://github.com/acme/mocks).

                ## Priorities and Timelines

                t.b.a.
                """);

        assertThat(doc.title()).isEqualTo("Widget Roadmap");
        assertThat(doc.items()).extracting(RoadmapItem::title, RoadmapItem::kind, RoadmapItem::status,
                RoadmapItem::description).containsExactly(
                        tuple("Portability", ItemKind.STREAM, null, "Runs the same everywhere."),
                        tuple("API parity", ItemKind.STREAM, null, "Mocks behave like the real thing."));
    }

    @Test
    void aRoadmapWithoutKnownSectionsReadsItsHeadingsAsItems() {
        RoadmapDocument doc = parser.parse("""
                # Gadget roadmap

                ## Overview
                Where we go.

                ## Plugin system
                - [x] Loader

                ## FAQs
                **Q: Why?**
                """);

        assertThat(doc.items()).extracting(RoadmapItem::title, RoadmapItem::kind, RoadmapItem::status)
                .containsExactly(tuple("Plugin system", ItemKind.OTHER, ItemStatus.DONE));
    }

    @Test
    void aPageThatIsNotARoadmapYieldsNoItemsAndSaysSo() {
        RoadmapDocument doc = parser.parse("""
                ## Summary
                A proposal.

                ## Motivation
                Because.
                """);

        assertThat(doc.items()).isEmpty();
        assertThat(doc.warnings()).extracting(ParseWarning::message).anyMatch(m -> m.contains("not look like a roadmap"));
    }

    @Test
    void repeatedTitlesGetDistinctIds() {
        RoadmapDocument doc = parser.parse("""
                ## Themes
                ### Logging
                ### Logging
                """);

        assertThat(doc.items()).extracting(RoadmapItem::id).containsExactly("themes/logging", "themes/logging-2");
    }

    @Test
    void binaryInputIsATypedError() {
        assertThatThrownBy(() -> parser.parse("abc\0def")).isInstanceOf(RoadmapParseException.class)
                .hasMessageContaining("binary");
    }

    @Test
    void offlineExampleRoadmapsReadAsWritten() throws IOException {
        RoadmapDocument python = parser.parse(Files.readString(Path.of("config/examples/gizmo/python/docs/roadmap.md")));
        assertThat(python.items()).extracting(CorpusConformanceTests::describe).containsExactly(
                "Key areas > Log redaction | KEY_AREA | P1 | IN_PROGRESS | 2/4",
                "Key areas > OpenMetrics exporter | KEY_AREA | P2 | IN_PROGRESS | 2/5",
                "Key areas > Async batch processing | KEY_AREA | - | PLANNED | 0/3",
                "Key areas > Idempotency stores | KEY_AREA | P3 | IN_PROGRESS | 1/2",
                "Launched > Feature flags | LAUNCHED | - | SHIPPED | 3/3",
                "Launched > Queue events resolver | LAUNCHED | - | SHIPPED | 2/3");

        RoadmapDocument go = parser.parse(Files.readString(Path.of("config/examples/gizmo/go/docs/roadmap.md")));
        assertThat(go.items()).extracting(CorpusConformanceTests::describe).containsExactly(
                "Key areas > Core utilities > Logging | KEY_AREA | P0 | IN_PROGRESS | 2/3",
                "Key areas > Core utilities > Metrics | KEY_AREA | P0 | IN_PROGRESS | 1/2",
                "Key areas > Core utilities > Tracing | KEY_AREA | P0 | PLANNED | 0/2",
                "Key areas > New features | KEY_AREA | P1 | IN_PROGRESS | 1/4",
                "Key areas > Developer experience | KEY_AREA | P2 | PLANNED | 0/2",
                "Dropped > Config loader | DROPPED | - | DROPPED | 1/2");

        RoadmapDocument rust = parser.parse(Files.readString(Path.of("config/examples/gizmo/rust/docs/roadmap.md")));
        assertThat(rust.items()).extracting(RoadmapItem::title).containsExactly("Async-first APIs",
                "Stable tracing crate", "Batch processing", "Idempotency out of preview",
                "Minimum supported Rust version");
    }
}
