package dev.crossroads.api.graphql;

import dev.crossroads.api.graphql.ParityViews.FeatureView;
import dev.crossroads.parity.CurationException;
import dev.crossroads.parity.CurationService;
import dev.crossroads.parity.ParityState;
import dev.crossroads.snapshot.ItemRef;
import dev.crossroads.snapshot.SourceKind;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/**
 * Curation: maintainers' corrections to alignment, stored in PostgreSQL and applied over the catalog on every
 * rebuild, so they survive every sync. Every mutation needs {@code Authorization: Bearer} with the admin token or a
 * JWT with the admin role, and answers once the matrix includes the change.
 */
@GraphQLApi
public class CurationGraphQL {

    private final CurationService curation;
    private final ParityGraphQL parity;
    private final AdminGuard admin;

    public CurationGraphQL(CurationService curation, ParityGraphQL parity, AdminGuard admin) {
        this.curation = curation;
        this.parity = parity;
        this.admin = admin;
    }

    @Query("curation")
    @Description("All curation as YAML in the catalog's format (features, links, merges, rejected), to keep in git "
            + "and import elsewhere with `importCuration`.")
    public Uni<@NonNull String> curationYaml() {
        return curation.export();
    }

    @Mutation("linkItem")
    @Description("Links an item to a feature, over any automatic link. Returns the feature.")
    public Uni<FeatureView> linkItem(@Name("language") @NonNull @Id String language,
            @Name("source") @NonNull SourceKind source, @Name("itemKey") @NonNull String itemKey,
            @Name("featureId") @NonNull @Id String featureId) {
        return admin(() -> curation.link(new ItemRef(language, source, itemKey), featureId)).map(s -> feature(featureId));
    }

    @Mutation("unlinkItem")
    @Description("Says an item belongs to no feature; it is listed in `unlinkedItems`. Returns the data version.")
    public Uni<@NonNull Long> unlinkItem(@Name("language") @NonNull @Id String language,
            @Name("source") @NonNull SourceKind source, @Name("itemKey") @NonNull String itemKey) {
        return admin(() -> curation.unlink(new ItemRef(language, source, itemKey))).map(ParityState::dataVersion);
    }

    @Mutation("resetItemLink")
    @Description("Forgets a maintainer's link or unlink of an item: alignment decides again. Returns the data version.")
    public Uni<@NonNull Long> resetItemLink(@Name("language") @NonNull @Id String language,
            @Name("source") @NonNull SourceKind source, @Name("itemKey") @NonNull String itemKey) {
        return admin(() -> curation.resetLink(new ItemRef(language, source, itemKey))).map(ParityState::dataVersion);
    }

    @Mutation("createFeature")
    @Description("Creates a feature (shown even before anything is linked to it). The id defaults to a slug of the "
            + "name.")
    public Uni<FeatureView> createFeature(@Name("id") @Id String id, @Name("name") @NonNull String name,
            @Name("group") String group, @Name("description") String description) {
        return admin(() -> curation.create(id, name, group, description))
                .map(s -> feature(id == null || id.isBlank() ? dev.crossroads.parity.NameKeys.slug(name) : id.strip()));
    }

    @Mutation("renameFeature")
    @Description("Renames, regroups or describes a feature; omitted arguments keep what is there.")
    public Uni<FeatureView> renameFeature(@Name("id") @NonNull @Id String id, @Name("name") String name,
            @Name("group") String group, @Name("description") String description) {
        return admin(() -> curation.edit(id, name, group, description)).map(s -> feature(id));
    }

    @Mutation("mergeFeatures")
    @Description("Folds feature `from` into feature `into`: its items and names belong to `into` from then on.")
    public Uni<FeatureView> mergeFeatures(@Name("from") @NonNull @Id String from,
            @Name("into") @NonNull @Id String into) {
        return admin(() -> curation.merge(from, into)).map(s -> feature(into));
    }

    @Mutation("acceptSuggestion")
    @Description("Applies an alignment suggestion: the item is linked to the suggested feature.")
    public Uni<FeatureView> acceptSuggestion(@Name("id") @NonNull @Id String id) {
        String featureId = id.substring(id.lastIndexOf("->") + 2);
        return admin(() -> curation.accept(id)).map(s -> feature(featureId));
    }

    @Mutation("rejectSuggestion")
    @Description("Turns a suggestion down for good. Returns the data version.")
    public Uni<@NonNull Long> rejectSuggestion(@Name("id") @NonNull @Id String id) {
        return admin(() -> curation.reject(id)).map(ParityState::dataVersion);
    }

    @Mutation("importCuration")
    @Description("Replaces all curation with a YAML document in the catalog's format (as `curation` exports it), in "
            + "one transaction. Returns the data version.")
    public Uni<@NonNull Long> importCuration(@Name("yaml") @NonNull String yaml) {
        return admin(() -> curation.importYaml(yaml)).map(ParityState::dataVersion);
    }

    private FeatureView feature(String id) {
        return parity.feature(id);
    }

    /** The admin check, then the change; a change refused as asked is a BAD_ARGUMENT error with the reason. */
    private Uni<ParityState> admin(Supplier<Uni<ParityState>> change) {
        return admin.then(() -> {
            try {
                return change.get().onFailure(CurationException.class)
                        .transform(e -> new GraphQLErrors.BadArgument(e.getMessage()));
            } catch (CurationException e) {
                return Uni.createFrom().failure(new GraphQLErrors.BadArgument(e.getMessage()));
            }
        });
    }
}
