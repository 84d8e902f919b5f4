package dev.crossroads.api.graphql;

import dev.crossroads.api.graphql.RoadmapViews.RoadmapDocumentView;
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

    public RoadmapGraphQL(ParsePreviewService preview) {
        this.preview = preview;
    }

    @Query("parseRoadmap")
    @Description("Preview how Crossroads reads a roadmap page. Nothing is stored. Fails with INVALID_DOCUMENT when "
            + "the text is too large or not text.")
    public @NonNull RoadmapDocumentView parseRoadmap(
            @Name("markdown") @NonNull @Description("The Markdown of the roadmap page.") String markdown)
            throws InvalidDocumentError {
        try {
            return RoadmapViews.of(preview.roadmap(markdown));
        } catch (InvalidDocumentException e) {
            throw new InvalidDocumentError(e);
        }
    }
}
