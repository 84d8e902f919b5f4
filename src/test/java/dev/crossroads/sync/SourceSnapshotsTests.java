package dev.crossroads.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossroads.roadmap.DocsFeatureParser;
import dev.crossroads.source.FamilyConfig.DocsPaths;
import dev.crossroads.source.FamilyConfig.LanguageSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceSnapshotsTests {

    private static final LanguageSource GIZMO = new LanguageSource("gizmo", "Gizmo", "acme/gizmo", "main",
            Optional.empty(), "ROADMAP.md", new DocsPaths("mkdocs.yml", "docs/index.md", "docs"), Optional.empty());

    /**
     * The layout is what stored snapshots were hashed with: a change to it would make every docs source look changed
     * once, and a sync after a history backfill store again what the backfill stored.
     */
    @Test
    void theDocsBundleKeepsItsLayoutPagesInPathOrder() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("utilities/widget.md", "# Widget → 🚀\n");
        pages.put("core/logger.md", "# Logger");

        String bundle = SourceSnapshots.bundle(GIZMO, "nav:\n  - Home: index.md", "# Gizmo", pages);

        assertThat(bundle).isEqualTo("""
                ==> mkdocs.yml
                nav:
                  - Home: index.md
                ==> docs/index.md
                # Gizmo
                ==> docs/core/logger.md
                # Logger
                ==> docs/utilities/widget.md
                # Widget → 🚀

                """);
    }

    @Test
    void theDocsSnapshotIsStoredAsTheBytesItWasHashedFrom() {
        DocsFeatureParser parser = new DocsFeatureParser(1_000_000);
        String navText = "nav:\n  - Utilities:\n    - Widget: utilities/widget.md\n";
        Map<String, String> pages = Map.of("utilities/widget.md", "# Widget → 🚀 日本語\n");

        SourceSnapshots.Encoded encoded = SourceSnapshots.encodedDocs(GIZMO, parser, parser.nav(navText), navText,
                "# Gizmo", pages, Instant.EPOCH);

        String bundle = SourceSnapshots.bundle(GIZMO, navText, "# Gizmo", pages);
        assertThat(encoded.snapshot().content()).isEqualTo(bundle);
        assertThat(encoded.utf8().getBytes()).isEqualTo(bundle.getBytes(StandardCharsets.UTF_8));
        assertThat(encoded.snapshot().contentHash()).isEqualTo(Hashing.sha256(bundle));
        // the history backfill's snapshot of the same files is the same snapshot
        assertThat(SourceSnapshots.docs(GIZMO, parser, parser.nav(navText), navText, "# Gizmo", pages, Instant.EPOCH))
                .isEqualTo(encoded.snapshot());
    }

    @Test
    void aDocsTreeWithoutAHomePageLeavesItOut() {
        String bundle = SourceSnapshots.bundle(GIZMO, "nav: []", null, Map.of("a.md", "A"));

        assertThat(bundle).isEqualTo("==> mkdocs.yml\nnav: []\n==> docs/a.md\nA\n");
    }
}
