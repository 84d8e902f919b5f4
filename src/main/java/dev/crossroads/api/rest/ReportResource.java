package dev.crossroads.api.rest;

import dev.crossroads.parity.MatrixSelection;
import dev.crossroads.parity.query.QuerySyntaxException;
import dev.crossroads.report.FeedService;
import dev.crossroads.report.FeedService.FeedRequest;
import dev.crossroads.report.Rendered;
import dev.crossroads.report.ReportFormat;
import dev.crossroads.report.ReportService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Parity reports (Markdown, CSV, JSON, printable HTML) and the Atom change feed, read from the matrix held in memory
 * and rendered once per data version. Both answer {@code ETag} and {@code 304}.
 */
@Path("/api")
public class ReportResource {

    private final ReportService reports;
    private final FeedService feeds;

    public ReportResource(ReportService reports, FeedService feeds) {
        this.reports = reports;
        this.feeds = feeds;
    }

    /** A query the search language cannot read: the same message (and code) as GraphQL's, with its position. */
    public record QueryError(int status, String error, String code, String message, int position) {
    }

    /**
     * {@code ?format=md|csv|json|html}, else the {@code Accept} header (text/markdown, text/csv, application/json,
     * text/html; anything else answers 406); Markdown when either allows all. {@code languages} (repeated or
     * comma-separated), {@code group} and {@code query} select rows as {@code parityMatrix} does.
     */
    @GET
    @Path("/reports/parity")
    public Response parity(@RestQuery String format, @RestQuery List<String> languages, @RestQuery String group,
            @RestQuery String query, @Context HttpHeaders headers) {
        Optional<ReportFormat> chosen = format == null || format.isBlank()
                ? negotiate(headers.getAcceptableMediaTypes()) : ReportFormat.named(format);
        if (chosen.isEmpty()) {
            return format == null || format.isBlank()
                    ? ErrorResponse.of(Response.Status.NOT_ACCEPTABLE, "the parity report is text/markdown, text/csv,"
                            + " application/json or text/html; ask for one in Accept, or with ?format="
                            + "md|csv|json|html")
                    : ErrorResponse.of(Response.Status.BAD_REQUEST, "unknown format '" + format + "'; use "
                            + ReportFormat.names());
        }
        Rendered report;
        try {
            report = reports.parity(chosen.get(), new MatrixSelection(MatrixSelection.splitLanguages(languages),
                    group, query));
        } catch (MatrixSelection.UnknownLanguageException e) {
            return ErrorResponse.of(Response.Status.BAD_REQUEST, e.getMessage());
        } catch (QuerySyntaxException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                    .entity(new QueryError(400, "Bad Request", "INVALID_QUERY", e.getMessage(), e.position()))
                    .build();
        }
        String disposition = (chosen.get() == ReportFormat.HTML ? "inline" : "attachment") + "; filename=\""
                + chosen.get().filename() + "\"";
        return answer(report, headers).header("Content-Disposition", disposition)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    /**
     * Atom 1.0, newest first: {@code language} and {@code feature} filter, {@code limit} entries (default 100,
     * at most 500).
     */
    @GET
    @Path("/feed.atom")
    public Uni<Response> feed(@RestQuery String language, @RestQuery String feature, @RestQuery String limit,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        int entries;
        try {
            entries = limit == null || limit.isBlank() ? FeedService.DEFAULT_LIMIT : Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            return Uni.createFrom().item(ErrorResponse.of(Response.Status.BAD_REQUEST, "limit must be a number of"
                    + " entries, 1 to " + FeedService.MAX_LIMIT));
        }
        try {
            return feeds.feed(new FeedRequest(language, feature, entries), uri.getBaseUri(), uri.getRequestUri())
                    .map(feed -> answer(feed, headers).build());
        } catch (MatrixSelection.UnknownLanguageException e) {
            return Uni.createFrom().item(ErrorResponse.of(Response.Status.BAD_REQUEST, e.getMessage()));
        }
    }

    /** 304 when the client holds these bytes, else them; revalidated on every use, never served stale. */
    private static Response.ResponseBuilder answer(Rendered rendered, HttpHeaders headers) {
        String presented = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        Response.ResponseBuilder answer = presented != null && (presented.contains(rendered.etag())
                || presented.strip().equals("*"))
                ? Response.notModified() : Response.ok(rendered.body()).type(rendered.contentType());
        answer.header(HttpHeaders.ETAG, rendered.etag()).header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header("X-Crossroads-Data-Version", rendered.dataVersion());
        if (rendered.notice() != null) {
            answer.header("X-Crossroads-Notice", rendered.notice());
        }
        return answer;
    }

    /** The first acceptable type, by the client's preference, that a format has; {@code *}/{@code *} is Markdown. */
    static Optional<ReportFormat> negotiate(List<MediaType> acceptable) {
        for (MediaType wanted : acceptable) {
            if ("0".equals(wanted.getParameters().get("q")) || "0.0".equals(wanted.getParameters().get("q"))) {
                continue;
            }
            for (ReportFormat format : ReportFormat.values()) {
                if (wanted.isCompatible(MediaType.valueOf(format.mediaType()))) {
                    return Optional.of(format);
                }
            }
        }
        return Optional.empty();
    }
}
