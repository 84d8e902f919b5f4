package dev.crossroads.history;

import dev.crossroads.source.FamilyConfig.LanguageSource;
import dev.crossroads.source.github.GitHubRestClient;
import jakarta.enterprise.context.ApplicationScoped;

/** Opens a language's history on GitHub, for languages read from the repository rather than a local clone. */
@ApplicationScoped
class GitHubHistoryFactory {

    /** API answers worth a conditional GET: listings and tag pages, the last few hundred by URL. */
    private static final int VALIDATORS = 512;

    private final GitHubRestClient client;
    private final java.util.Map<String, dev.crossroads.source.github.Fetched> validators =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(
                        java.util.Map.Entry<String, dev.crossroads.source.github.Fetched> eldest) {
                    return size() > VALIDATORS;
                }
            });

    GitHubHistoryFactory(GitHubRestClient client) {
        this.client = client;
    }

    CommitSource open(LanguageSource language) {
        return new GitHubHistory(client, language, validators);
    }
}
