package dev.crossroads.sync;

import dev.crossroads.source.SourceService;
import dev.crossroads.source.github.GitHubBoardClient;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Says once, at start-up, that boards will be skipped for want of a token; the runs then record "skipped". */
@ApplicationScoped
class BoardTokenCheck {

    void onStart(@Observes StartupEvent event, SourceService sources, GitHubBoardClient boards) {
        long withBoards = sources.languages().stream().filter(l -> l.board().isPresent()).count();
        if (withBoards > 0 && !boards.hasToken()) {
            Log.warnf("No GITHUB_TOKEN: the %d configured Projects boards will be skipped (the GitHub GraphQL API"
                    + " needs a token even for public boards); roadmaps and docs are still synced", withBoards);
        }
    }
}
