package dev.crossroads.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossroads.source.FamilyConfig.DocsPaths;
import dev.crossroads.source.FamilyConfig.LanguageSource;
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
    void aDocsTreeWithoutAHomePageLeavesItOut() {
        String bundle = SourceSnapshots.bundle(GIZMO, "nav: []", null, Map.of("a.md", "A"));

        assertThat(bundle).isEqualTo("==> mkdocs.yml\nnav: []\n==> docs/a.md\nA\n");
    }
}
