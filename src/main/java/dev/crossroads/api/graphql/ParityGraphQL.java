package dev.crossroads.api.graphql;

import dev.crossroads.api.graphql.ParityViews.FeatureConnection;
import dev.crossroads.api.graphql.ParityViews.FeatureEdge;
import dev.crossroads.api.graphql.ParityViews.FeatureView;
import dev.crossroads.api.graphql.ParityViews.LinkedItemView;
import dev.crossroads.api.graphql.ParityViews.ParityMatrixView;
import dev.crossroads.api.graphql.ParityViews.SuggestionView;
import dev.crossroads.parity.MatrixRow;
import dev.crossroads.parity.MatrixSelection;
import dev.crossroads.parity.ParityMatrix;
import dev.crossroads.parity.ParityService;
import dev.crossroads.parity.ParityState;
import dev.crossroads.parity.query.QuerySyntaxException;
import dev.crossroads.source.SourceService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/**
 * The parity matrix, features and alignment, read from the matrix held in memory: no query here touches the
 * database.
 */
@GraphQLApi
public class ParityGraphQL {

    private static final String CURSOR_KIND = "feature";

    private final ParityService parity;
    private final ParityViews.Mapper mapper;
    private final PageSize pages;
    private final List<String> languageIds;
    private volatile Cached cached = new Cached(null, null);

    public ParityGraphQL(ParityService parity, SourceService family, PageSize pages) {
        this.parity = parity;
        this.pages = pages;
        Map<String, LanguageView> languages = new LinkedHashMap<>();
        family.languages().forEach(l -> languages.put(l.id(), LanguageView.of(l)));
        this.mapper = new ParityViews.Mapper(Map.copyOf(languages));
        this.languageIds = List.copyOf(languages.keySet());
    }

    /** The unfiltered matrix's view, for the state it was mapped from (identity: states are never reused). */
    private record Cached(ParityState state, ParityMatrixView matrix) {
    }

    @Query("parityMatrix")
    @Description("Which feature ships in which language: every feature × every language with status, evidence, since "
            + "when, and disagreements between sources. Filter by languages, group and a search query.")
    public @NonNull ParityMatrixView parityMatrix(
            @Name("languages") @Description("Only these languages (parity and coverage are computed over them).")
            List<String> languages,
            @Name("group") @Description("Only features of this group, e.g. \"Event handler\".") String group,
            @Name("query") @Description("Search, e.g. `missing_in_one_of(python,typescript,java,dotnet)`, "
                    + "`-available_on:java`, `status:python=in_progress`, `group:\"Event handler\" OR priority:p0`.")
            String query) throws GraphQLErrors.BadArgument, GraphQLErrors.InvalidQuery {
        ParityState state = parity.state();
        boolean unfiltered = (languages == null || languages.isEmpty()) && blank(group) && blank(query);
        if (unfiltered) {
            Cached now = cached;
            if (now.state != state) {
                now = new Cached(state, mapper.matrix(state.matrix(), null));
                cached = now;
            }
            return now.matrix;
        }
        return mapper.matrix(select(state, languages, group, query), blank(query) ? null : query);
    }

    @Query("features")
    @Description("Features matching a search, in matrix order, as a cursor connection.")
    public @NonNull FeatureConnection features(
            @Name("query") @Description("The same search language as `parityMatrix(query:)`.") String query,
            @Name("first") @DefaultValue("50") @Description(PageSize.DESCRIPTION) int first,
            @Name("after") @Description("The endCursor of the previous page.") String after)
            throws GraphQLErrors.BadArgument, GraphQLErrors.InvalidQuery, GraphQLErrors.PageTooLarge {
        int size = pages.of("first", first);
        List<MatrixRow> rows = select(parity.state(), null, null, query).rows();
        int start = (int) Math.min(Integer.MAX_VALUE, Cursors.decode(CURSOR_KIND, after, "features"));
        List<FeatureEdge> edges = new ArrayList<>();
        for (int i = start; i < Math.min(rows.size(), start + size); i++) {
            edges.add(new FeatureEdge(Cursors.encode(CURSOR_KIND, i + 1), mapper.feature(rows.get(i), null)));
        }
        boolean more = start + size < rows.size();
        return new FeatureConnection(edges, new SyncViews.PageInfo(more,
                edges.isEmpty() ? after : edges.get(edges.size() - 1).cursor()), rows.size());
    }

    @Query("feature")
    @Description("One feature with its cells, evidence and the items linked to it; null when no feature has this id.")
    public FeatureView feature(@Name("id") @NonNull @Id String id) {
        ParityState state = parity.state();
        MatrixRow row = state.rowsById().get(id);
        if (row == null) {
            return null;
        }
        List<LinkedItemView> items = new ArrayList<>();
        state.alignment().links().forEach((ref, link) -> {
            if (link.featureId().equals(id) && state.itemsByRef().containsKey(ref)) {
                items.add(ParityViews.linked(state.itemsByRef().get(ref), link));
            }
        });
        return mapper.feature(row, items);
    }

    @Query("alignmentSuggestions")
    @Description("Matches alignment was not sure enough of to make; accept or reject them with the admin mutations.")
    public @NonNull List<@NonNull SuggestionView> alignmentSuggestions() {
        return parity.state().alignment().suggestions().stream().map(ParityViews::suggestion).toList();
    }

    @Query("unlinkedItems")
    @Description("Roadmap and board items that name no feature (themes, chores, processes), listed rather than "
            + "dropped; link them with `linkItem` when they do belong to one.")
    public @NonNull List<@NonNull LinkedItemView> unlinkedItems(
            @Name("language") @Id @Description("Only this language.") String language) {
        return parity.state().alignment().unlinked().stream()
                .filter(item -> language == null || item.language().equals(language))
                .map(item -> ParityViews.linked(item, null)).toList();
    }

    private ParityMatrix select(ParityState state, List<String> languages, String group, String query)
            throws GraphQLErrors.BadArgument, GraphQLErrors.InvalidQuery {
        try {
            return new MatrixSelection(languages, group, query).apply(state.matrix(), languageIds);
        } catch (MatrixSelection.UnknownLanguageException e) {
            throw new GraphQLErrors.BadArgument(e.getMessage());
        } catch (QuerySyntaxException e) {
            throw new GraphQLErrors.InvalidQuery(e.getMessage());
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

}
