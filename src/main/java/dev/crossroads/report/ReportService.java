package dev.crossroads.report;

import dev.crossroads.parity.MatrixSelection;
import dev.crossroads.parity.ParityEngine;
import dev.crossroads.parity.ParityService;
import dev.crossroads.parity.ParityState;
import dev.crossroads.source.FamilyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Parity reports from the matrix held in memory: the same rows, in the same order, as the GraphQL
 * {@code parityMatrix} for the same selection (both go through {@link MatrixSelection}). Each distinct report is
 * rendered once per matrix state.
 */
@ApplicationScoped
public class ReportService {

    /** Distinct reports kept per state (formats × selections asked for); ~20 kB each for a family of 100 features. */
    private static final int CACHED_REPORTS = 256;

    private final ParityService parity;
    private final String family;
    private final List<String> languageIds;
    private final RenderCache cache = new RenderCache(CACHED_REPORTS);

    ReportService(ParityService parity, FamilyConfig family) {
        this.parity = parity;
        this.family = family.family().name();
        this.languageIds = parity.languages().stream().map(ParityEngine.Language::id).toList();
    }

    /**
     * The report of the matrix served now.
     *
     * @throws MatrixSelection.UnknownLanguageException   for a language the family does not have
     * @throws dev.crossroads.parity.query.QuerySyntaxException for a query that does not parse
     */
    public Rendered parity(ReportFormat format, MatrixSelection selection) {
        return parity(parity.state(), format, selection);
    }

    /** The report of a given state (the report command waits for the state of what it synced). */
    public Rendered parity(ParityState state, ReportFormat format, MatrixSelection selection) {
        String key = format + "\n" + selection.languages() + "\n" + selection.group() + "\n" + selection.query();
        return cache.get(state, key, () -> {
            ParityReport report = report(state, selection);
            return Rendered.of(format.render(report), format.contentType(), report.notice(), state.dataVersion());
        });
    }

    ParityReport report(ParityState state, MatrixSelection selection) {
        return ParityReport.of(family, selection.apply(state.matrix(), languageIds), selection,
                !state.items().isEmpty());
    }

    /** Checks a selection without rendering anything (the report command checks before it syncs). */
    public void check(MatrixSelection selection) {
        selection.apply(parity.state().matrix(), languageIds);
    }
}
