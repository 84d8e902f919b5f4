package dev.crossroads.api.graphql;

import dev.crossroads.history.BackfillProgress;
import dev.crossroads.history.BackfillService;
import dev.crossroads.parity.CoverageHistory;
import dev.crossroads.parity.ParityService;
import dev.crossroads.source.SourceService;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.eclipse.microprofile.graphql.Type;

/** History read from the repositories: the backfill (start, progress) and coverage over time. */
@GraphQLApi
public class HistoryGraphQL {

    private final BackfillService backfill;
    private final ParityService parity;
    private final SourceService family;
    private final AdminGuard admin;

    public HistoryGraphQL(BackfillService backfill, ParityService parity, SourceService family, AdminGuard admin) {
        this.backfill = backfill;
        this.parity = parity;
        this.family = family;
        this.admin = admin;
    }

    @Query("historyBackfill")
    @Description("Where each language's history backfill stands (commits done of total, snapshots stored, outcome), "
            + "on any replica.")
    public Uni<@NonNull List<@NonNull BackfillView>> historyBackfill() {
        return backfill.progress().map(all -> all.stream().map(HistoryGraphQL::view).toList());
    }

    @Mutation("backfillHistory")
    @Description("Reads the history of the tracked branch (a local clone with JGit, else GitHub) for one language or "
            + "all, in the background: every past version of the roadmap page and docs goes through the sync's own "
            + "pipeline with its commit's date, then the release tags give each feature its version. Returns at once; "
            + "follow `historyBackfill`. Idempotent and resumable. Needs `Authorization: Bearer "
            + "<crossroads.admin.token>` or a JWT with the admin role.")
    public Uni<@NonNull List<@NonNull BackfillView>> backfillHistory(
            @Name("language") @Id @Description("Only this language.") String language,
            @Name("since") @Description("Only commits from this time on (all when omitted).") Instant since) {
        return admin.then(() -> {
            if (language != null && family.languages().stream().noneMatch(l -> l.id().equals(language))) {
                return Uni.createFrom().failure(new GraphQLErrors.BadArgument("unknown language '" + language
                        + "'"));
            }
            backfill.start(Optional.ofNullable(language), since);
            return historyBackfill();
        });
    }

    @Query("coverageHistory")
    @Description("The family over time: at the end of each interval, how many of today's features shipped in at "
            + "least one language and how many in all of them.")
    public @NonNull List<@NonNull FamilyCoverageView> coverageHistory(
            @Name("interval") @DefaultValue("MONTH") @Description("MONTH, QUARTER or YEAR (UTC).")
            CoverageHistory.Interval interval) {
        return CoverageHistory.family(parity.state().matrix(), interval, Instant.now()).stream()
                .map(p -> new FamilyCoverageView(p.at(), p.universal(), p.anywhere(), p.share())).toList();
    }

    @Description("This language's coverage over time: at the end of each interval, how many of today's features it "
            + "shipped, of those shipped anywhere then.")
    public @NonNull List<@NonNull LanguageCoverageView> coverageHistory(@Source LanguageView language,
            @Name("interval") @DefaultValue("MONTH") @Description("MONTH, QUARTER or YEAR (UTC).")
            CoverageHistory.Interval interval) {
        return CoverageHistory.language(parity.state().matrix(), language.id(), interval, Instant.now()).stream()
                .map(p -> new LanguageCoverageView(p.at(), p.shipped(), p.total(), p.coverage())).toList();
    }

    private static BackfillView view(BackfillProgress p) {
        return new BackfillView(p.language(), p.state().name(), p.commitsDone(), p.commitsTotal(), p.snapshots(),
                p.requests(), p.lastCommit(), p.lastCommitAt(), p.message(), p.startedAt(), p.updatedAt(),
                p.finishedAt());
    }

    @Type("HistoryBackfill")
    @Description("One language's history backfill.")
    public record BackfillView(
            @NonNull @Id String language,
            @NonNull @Description("RUNNING, DONE or FAILED (a failed one continues where it stopped next time).")
            String state,
            @NonNull @Description("Commits read by the last run.") int commitsDone,
            @NonNull @Description("Commits the last run had to read.") int commitsTotal,
            @NonNull @Description("Snapshots stored from history, all runs together.") int snapshots,
            @NonNull @Description("GitHub requests the last run made (0 from a local clone).") int requests,
            @Description("The newest commit read.") String lastCommit,
            @Description("Its date.") Instant lastCommitAt,
            @Description("What the last run did, or why it stopped.") String message,
            @NonNull Instant startedAt,
            @NonNull Instant updatedAt,
            Instant finishedAt) {
    }

    @Type("FamilyCoveragePoint")
    @Description("The family at one time.")
    public record FamilyCoverageView(
            @NonNull Instant at,
            @NonNull @Description("Features shipped in every language.") int universal,
            @NonNull @Description("Features shipped in at least one language.") int anywhere,
            @NonNull @Description("universal / anywhere, 0 to 1.") double share) {
    }

    @Type("LanguageCoveragePoint")
    @Description("One language at one time.")
    public record LanguageCoverageView(
            @NonNull Instant at,
            @NonNull @Description("Features it shipped.") int shipped,
            @NonNull @Description("Features shipped in at least one language.") int total,
            @NonNull @Description("shipped / total, 0 to 1.") double coverage) {
    }
}
