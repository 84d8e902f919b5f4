package dev.crossroads.api.graphql;

import dev.crossroads.api.graphql.RoadmapViews.RoadmapDocumentView;
import dev.crossroads.api.http.RefusedRequests;
import dev.crossroads.preview.InvalidDocumentException;
import dev.crossroads.preview.ParsePreviewService;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
public class RoadmapGraphQL {

    private final ParsePreviewService preview;
    private final PreviewQuota quota;
    private final RefusedRequests refused;

    public RoadmapGraphQL(ParsePreviewService preview, PreviewQuota quota, RefusedRequests refused) {
        this.preview = preview;
        this.quota = quota;
        this.refused = refused;
    }

    @Query("parseRoadmap")
    @Description("Preview how Crossroads reads a roadmap page. Nothing is stored. Fails with INVALID_DOCUMENT when "
            + "the text is too large, not text, or too complex to read within the parse budget; one per request.")
    public @NonNull RoadmapDocumentView parseRoadmap(
            @Name("markdown") @NonNull @Description("The Markdown of the roadmap page.") String markdown)
            throws InvalidDocumentError {
        if (!quota.take()) {
            refused.count(RefusedRequests.Limit.PREVIEWS_PER_REQUEST);
            throw new InvalidDocumentError(new InvalidDocumentException(InvalidDocumentException.Reason.BUSY,
                    "one parseRoadmap per request: send each page in a request of its own"));
        }
        try {
            return RoadmapViews.of(preview.roadmap(markdown));
        } catch (InvalidDocumentException e) {
            refused.count(e.reason());
            throw new InvalidDocumentError(e);
        }
    }
}
