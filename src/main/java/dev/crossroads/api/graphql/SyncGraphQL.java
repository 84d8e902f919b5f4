package dev.crossroads.api.graphql;

import dev.crossroads.api.graphql.SyncViews.ChangeConnection;
import dev.crossroads.api.graphql.SyncViews.ChangeEdge;
import dev.crossroads.api.graphql.SyncViews.ChangeView;
import dev.crossroads.api.graphql.SyncViews.PageInfo;
import dev.crossroads.api.graphql.SyncViews.SourceView;
import dev.crossroads.api.graphql.SyncViews.SyncRunView;
import dev.crossroads.snapshot.ChangeEvent;
import dev.crossroads.snapshot.SourceKind;
import dev.crossroads.source.SourceService;
import dev.crossroads.sync.SyncBusyException;
import dev.crossroads.sync.SyncQueryService;
import dev.crossroads.sync.SyncQueryService.RunWithResults;
import dev.crossroads.sync.SyncRequest;
import dev.crossroads.sync.SyncRun;
import dev.crossroads.sync.SyncService;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.time.Duration;
import dev.crossroads.config.CrossroadsConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import java.util.Optional;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
public class SyncGraphQL {

    private static final int MAX_PAGE = 100;
    private static final String CURSOR_KIND = "change";
    /** A source not read successfully for this many sync intervals is reported stale. */
    private static final int STALE_INTERVALS = 3;

    private final SyncQueryService queries;
    private final SyncService sync;
    private final SourceService family;
    private final AdminGuard admin;
    private final PageSize pages;

    private final Duration staleAfter;

    public SyncGraphQL(SyncQueryService queries, SyncService sync, SourceService family, AdminGuard admin,
            PageSize pages, CrossroadsConfig config) {
        this.staleAfter = DurationConverter.parseDuration(config.sync().interval()).multipliedBy(STALE_INTERVALS);
        this.queries = queries;
        this.sync = sync;
        this.family = family;
        this.admin = admin;
        this.pages = pages;
    }

    @Query("sources")
    @Description("Every source of every language with its latest result, last success and staleness.")
    public Uni<@NonNull List<@NonNull SourceView>> sources() {
        Instant now = Instant.now();
        return queries.sources().map(states -> states.stream().map(s -> SyncViews.of(s, now, staleAfter)).toList());
    }

    @Query("syncRuns")
    @Description("The most recent sync runs, newest first.")
    public Uni<@NonNull List<@NonNull SyncRunView>> syncRuns(
            @Name("last") @DefaultValue("10") @Description("How many runs, 1 to 100 (crossroads.graphql.max-page-size); more is"
                    + " refused.")
            int last) throws GraphQLErrors.PageTooLarge {
        int count = pages.of("last", last);
        return queries.latestRuns(count).map(runs -> runs.stream().map(SyncViews::of).toList());
    }

    @Query("changes")
    @Description("What changed in items since a time, oldest first, as a cursor connection.")
    public Uni<@NonNull ChangeConnection> changes(
            @Name("since") @Description("Only changes at or after this time; all when omitted.") Instant since,
            @Name("first") @DefaultValue("50") @Description(PageSize.DESCRIPTION) int first,
            @Name("after") @Description("The endCursor of the previous page.") String after)
            throws GraphQLErrors.BadArgument, GraphQLErrors.PageTooLarge {
        int size = pages.of("first", first);
        long afterId = Cursors.decode(CURSOR_KIND, after, "changes");
        return queries.changes(since == null ? Instant.EPOCH : since, afterId, size).map(found -> {
            boolean more = found.size() > size;
            List<ChangeEvent> page = more ? found.subList(0, size) : found;
            List<ChangeEdge> edges = page.stream()
                    .map(e -> new ChangeEdge(Cursors.encode(CURSOR_KIND, e.id), SyncViews.of(e))).toList();
            return new ChangeConnection(edges, new PageInfo(more, edges.isEmpty() ? after
                    : edges.get(edges.size() - 1).cursor()));
        });
    }

    @Query("recentChanges")
    @Description("The latest changes in items, newest first: what the landing page lists as recently changed.")
    public Uni<@NonNull List<@NonNull ChangeView>> recentChanges(
            @Name("language") @Id @Description("Only this language.") String language,
            @Name("last") @DefaultValue("20") @Description("How many changes, 1 to 100 "
                    + "(crossroads.graphql.max-page-size); more is refused.") int last)
            throws GraphQLErrors.BadArgument, GraphQLErrors.PageTooLarge {
        if (language != null && family.languages().stream().noneMatch(l -> l.id().equals(language))) {
            throw new GraphQLErrors.BadArgument("unknown language '" + language + "'");
        }
        int count = pages.of("last", last);
        return queries.recentChanges(language, count).map(found -> found.stream().map(SyncViews::of).toList());
    }

    @Mutation("triggerSync")
    @Description("Syncs now, all sources or the one asked for, and returns the finished run. Needs "
            + "`Authorization: Bearer <crossroads.admin.token>` or a JWT with the admin role.")
    public Uni<@NonNull SyncRunView> triggerSync(
            @Name("language") @Id @Description("Only this language.") String language,
            @Name("source") @Description("Only this kind of source.") SourceKind source) {
        return admin.then(() -> {
            if (language != null && family.languages().stream().noneMatch(l -> l.id().equals(language))) {
                return Uni.createFrom().failure(new GraphQLErrors.BadArgument("unknown language '" + language + "'"));
            }
            SyncRequest request = new SyncRequest(SyncRun.Trigger.MANUAL, Optional.ofNullable(language),
                    Optional.ofNullable(source));
            return sync.run(request)
                    .onFailure(SyncBusyException.class).transform(e -> new GraphQLErrors.SyncBusy(e.getMessage()))
                    .flatMap(run -> queries.latestRuns(MAX_PAGE).map(runs -> runs.stream()
                            .filter(r -> r.run().id.equals(run.id)).findFirst()
                            .orElse(new RunWithResults(run, List.of()))))
                    .map(SyncViews::of);
        });
    }
}
