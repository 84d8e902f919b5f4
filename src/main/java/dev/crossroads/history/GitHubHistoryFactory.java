package dev.crossroads.history;

import dev.crossroads.source.FamilyConfig.LanguageSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;

/** Opens a language's history on GitHub, for languages read from the repository rather than a local clone. */
@ApplicationScoped
class GitHubHistoryFactory {

    CommitSource open(LanguageSource language) throws IOException {
        throw new IOException("backfilling from GitHub is not available yet: give " + language.id()
                + " a local-path that is a clone of " + language.repository());
    }
}
