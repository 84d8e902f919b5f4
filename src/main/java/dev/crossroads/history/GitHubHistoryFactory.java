package dev.crossroads.history;

import dev.crossroads.source.FamilyConfig.LanguageSource;
import dev.crossroads.source.github.GitHubRestClient;
import jakarta.enterprise.context.ApplicationScoped;

/** Opens a language's history on GitHub, for languages read from the repository rather than a local clone. */
@ApplicationScoped
class GitHubHistoryFactory {

    private final GitHubRestClient client;

    GitHubHistoryFactory(GitHubRestClient client) {
        this.client = client;
    }

    CommitSource open(LanguageSource language) {
        return new GitHubHistory(client, language);
    }
}
