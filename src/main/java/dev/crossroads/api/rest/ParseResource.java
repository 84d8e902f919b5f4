package dev.crossroads.api.rest;

import dev.crossroads.api.http.RefusedRequests;
import dev.crossroads.preview.InvalidDocumentException;
import dev.crossroads.preview.InvalidDocumentException.Reason;
import dev.crossroads.preview.ParsePreviewService;
import dev.crossroads.roadmap.DocsFeatureList;
import dev.crossroads.roadmap.RoadmapDocument;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/** Preview how Crossroads reads a roadmap page or a docs tree, without storing anything. */
@Path("/api/parse")
@Produces(MediaType.APPLICATION_JSON)
public class ParseResource {

    private final ParsePreviewService preview;
    private final RefusedRequests refused;

    public ParseResource(ParsePreviewService preview, RefusedRequests refused) {
        this.preview = preview;
        this.refused = refused;
    }

    /** Body: the Markdown of a roadmap page ({@code text/markdown} or {@code text/plain}, UTF-8). */
    @POST
    @Path("/roadmap")
    @Consumes(MediaType.WILDCARD)
    public RoadmapDocument roadmap(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        requireText(contentType);
        return preview.roadmap(body);
    }

    /** Body: {@code {"mkdocs": "...", "index": "...", "pages": {"core/logger.md": "..."}}}. */
    @POST
    @Path("/docs")
    @Consumes(MediaType.APPLICATION_JSON)
    public DocsFeatureList docs(DocsParseRequest request) {
        if (request == null) {
            throw new InvalidDocumentException(Reason.UNREADABLE, "a JSON body with mkdocs (and index) is required");
        }
        return preview.docs(request.mkdocs(), request.index(), request.pages() == null ? Map.of() : request.pages());
    }

    /** Form fields {@code mkdocs} and {@code index} (files or text); any other field is a page, named by its path. */
    @POST
    @Path("/docs")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public DocsFeatureList docsForm(MultipartFormDataInput form) {
        Map<String, String> fields = new HashMap<>();
        for (var entry : form.getValues().entrySet()) {
            FormValue value = entry.getValue().isEmpty() ? null : entry.getValue().iterator().next();
            if (value != null) {
                fields.put(entry.getKey(), formText(entry.getKey(), value));
            }
        }
        String mkdocs = fields.remove("mkdocs");
        String index = fields.remove("index");
        return preview.docs(mkdocs, index, fields);
    }

    private String formText(String name, FormValue value) {
        try {
            byte[] bytes = value.isFileItem() ? java.nio.file.Files.readAllBytes(value.getFileItem().getFile())
                    : value.getValue().getBytes(StandardCharsets.UTF_8);
            return preview.decode(bytes, "form field " + name);
        } catch (java.io.IOException e) {
            throw new InvalidDocumentException(Reason.UNREADABLE, "form field " + name + " could not be read");
        }
    }

    private static void requireText(String contentType) {
        if (contentType == null) {
            return; // curl --data-binary without a type: read it as Markdown
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        boolean text = type.startsWith("text/") || type.startsWith("application/octet-stream")
                || type.startsWith("application/x-www-form-urlencoded");
        if (!text) {
            throw new InvalidDocumentException(Reason.UNSUPPORTED_MEDIA_TYPE,
                    "send the roadmap as text/markdown or text/plain, not " + contentType);
        }
        int charset = type.indexOf("charset=");
        if (charset >= 0) {
            String name = type.substring(charset + 8).replace("\"", "").strip();
            if (!name.equals("utf-8") && !name.equals("utf8") && !name.equals("us-ascii")) {
                throw new InvalidDocumentException(Reason.UNSUPPORTED_MEDIA_TYPE,
                        "only UTF-8 text is accepted, not charset " + name);
            }
        }
    }

    @ServerExceptionMapper
    Response invalidDocument(InvalidDocumentException e) {
        refused.count(e.reason());
        int status = switch (e.reason()) {
            case TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case NOT_TEXT, UNREADABLE -> 400;
            case TOO_COMPLEX -> 422;
            case BUSY -> 429;
        };
        Response response = ErrorResponse.of(status, e.getMessage());
        if (e.reason() == Reason.BUSY) {
            return Response.fromResponse(response).header("Retry-After", "1").build();
        }
        return response;
    }

    /** Previews must never answer 500: a page that trips a parser bug is reported as unreadable, and logged. */
    @ServerExceptionMapper
    Response unexpected(RuntimeException e) {
        if (e instanceof jakarta.ws.rs.WebApplicationException web) {
            return error(Response.Status.fromStatusCode(web.getResponse().getStatus()), web.getMessage());
        }
        ClientErrorMappers.warnQuietly("A parse preview failed on its input", e);
        return error(Response.Status.BAD_REQUEST, "the document could not be read");
    }

    private static Response error(Response.Status status, String message) {
        return ErrorResponse.of(status == null ? Response.Status.BAD_REQUEST : status, message);
    }
}
