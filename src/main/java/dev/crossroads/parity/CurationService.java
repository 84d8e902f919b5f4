package dev.crossroads.parity;

import dev.crossroads.snapshot.ItemRef;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Maintainers' changes to alignment: each is checked against the current matrix, stored in one statement, and
 * answered with the matrix rebuilt to include it, so the caller sees the effect of what it did.
 */
@ApplicationScoped
public class CurationService {

    private static final int MAX_WAITS = 50;
    private static final Duration WAIT = Duration.ofMillis(100);

    private final CurationRepository repository;
    private final ParityService parity;
    private final ReplicaNotifications replicas;

    CurationService(CurationRepository repository, ParityService parity, ReplicaNotifications replicas) {
        this.repository = repository;
        this.parity = parity;
        this.replicas = replicas;
    }

    public Uni<ParityState> link(ItemRef item, String featureId) {
        ParityState state = parity.state();
        requireItem(state, item);
        requireFeature(state, featureId);
        return applied(repository.link(item, featureId));
    }

    public Uni<ParityState> unlink(ItemRef item) {
        requireItem(parity.state(), item);
        return applied(repository.link(item, null));
    }

    /** Forgets a maintainer's link or unlink: alignment decides again. */
    public Uni<ParityState> resetLink(ItemRef item) {
        return applied(repository.clearLink(item));
    }

    public Uni<ParityState> create(String id, String name, String group, String description) {
        String slug = id == null || id.isBlank() ? NameKeys.slug(name) : id.strip();
        if (!slug.matches("[a-z0-9][a-z0-9-]{0,127}")) {
            throw new CurationException("a feature id is lowercase letters, digits and hyphens: '" + slug + "'");
        }
        if (name == null || name.isBlank()) {
            throw new CurationException("a feature needs a name");
        }
        if (parity.state().rowsById().containsKey(slug)) {
            throw new CurationException("a feature '" + slug + "' exists already; rename it instead");
        }
        return applied(repository.saveFeature(new CatalogFeature(slug, name.strip(), blankToNull(group),
                blankToNull(description), null)));
    }

    /** Renames, regroups or describes a feature; null arguments keep what is there. */
    public Uni<ParityState> edit(String id, String name, String group, String description) {
        requireFeature(parity.state(), id);
        return applied(repository.saveFeature(new CatalogFeature(id, blankToNull(name), blankToNull(group),
                blankToNull(description), null)));
    }

    public Uni<ParityState> merge(String from, String into) {
        ParityState state = parity.state();
        requireFeature(state, from);
        requireFeature(state, into);
        if (from.equals(into)) {
            throw new CurationException("a feature cannot be merged into itself");
        }
        return applied(repository.merge(from, into));
    }

    public Uni<ParityState> accept(String suggestionId) {
        Suggestion suggestion = suggestion(suggestionId);
        return applied(repository.link(suggestion.item(), suggestion.featureId()));
    }

    public Uni<ParityState> reject(String suggestionId) {
        Suggestion suggestion = suggestion(suggestionId);
        return applied(repository.reject(suggestion.item(), suggestion.featureId()));
    }

    /** Replaces all curation with a document in the catalog format (as {@link #export()} writes it). */
    public Uni<ParityState> importYaml(String yaml) {
        Curation curation;
        try {
            curation = CatalogYaml.read(yaml);
        } catch (InvalidCatalogException e) {
            throw new CurationException(e.getMessage());
        }
        return applied(repository.replaceAll(curation));
    }

    /** All curation, in the catalog's YAML format, to keep in git. */
    public Uni<String> export() {
        return repository.load().map(CatalogYaml::write);
    }

    private Suggestion suggestion(String id) {
        return parity.state().alignment().suggestions().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new CurationException("no open suggestion '" + id + "'"));
    }

    private static void requireItem(ParityState state, ItemRef item) {
        if (!state.itemsByRef().containsKey(item)) {
            throw new CurationException("no present item " + item + " (see unlinkedItems or feature(id:).items)");
        }
    }

    private static void requireFeature(ParityState state, String id) {
        if (id == null || !state.rowsById().containsKey(id)) {
            throw new CurationException("no feature '" + id + "'");
        }
    }

    /**
     * Tells the other replicas, then waits until this replica's matrix includes the change (it rebuilds at once;
     * this is a bound, not a delay).
     */
    private Uni<ParityState> applied(Uni<Long> written) {
        return written.call(version -> replicas.announce("curation at data version " + version))
                .flatMap(version -> parity.refresh()
                .flatMap(state -> state.dataVersion() >= version ? Uni.createFrom().item(state)
                        : Uni.createFrom().failure(new IllegalStateException("matrix not rebuilt yet")))
                .onFailure(IllegalStateException.class).retry().withBackOff(WAIT, WAIT).atMost(MAX_WAITS)
                .onFailure(IllegalStateException.class).recoverWithItem(parity::state));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
