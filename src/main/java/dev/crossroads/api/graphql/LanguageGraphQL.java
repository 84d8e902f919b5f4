package dev.crossroads.api.graphql;

import dev.crossroads.source.SourceService;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
public class LanguageGraphQL {

    private final SourceService sources;

    public LanguageGraphQL(SourceService sources) {
        this.sources = sources;
    }

    @Query("languages")
    @Description("The languages of the tracked family, in configured order.")
    public @NonNull List<@NonNull LanguageView> languages() {
        return sources.languages().stream().map(LanguageView::of).toList();
    }
}
