package dev.crossroads.api.rest;

import dev.crossroads.parity.CoverageHistory;
import dev.crossroads.parity.ParityMatrix;
import dev.crossroads.parity.ParityService;
import dev.crossroads.source.FamilyConfig;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Charts for the landing page, rendered on the server as SVG (embedded with {@code <img>}: no script runs). */
@Path("/api/charts")
public class ChartResource {

    private final ParityService parity;
    private final FamilyConfig family;

    public ChartResource(ParityService parity, FamilyConfig family) {
        this.parity = parity;
        this.family = family;
    }

    @GET
    @Path("/coverage.svg")
    @Produces("image/svg+xml")
    public Response coverage(@QueryParam("interval") @DefaultValue("MONTH") String interval) {
        CoverageHistory.Interval wanted;
        try {
            wanted = CoverageHistory.Interval.valueOf(interval.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ErrorResponse.of(Response.Status.BAD_REQUEST, "interval must be MONTH, QUARTER or YEAR");
        }
        ParityMatrix matrix = parity.state().matrix();
        Instant now = Instant.now();
        List<CoverageChart.Series> series = family.languages().stream()
                .map(l -> new CoverageChart.Series(l.name(), CoverageHistory.language(matrix, l.id(), wanted, now)))
                .toList();
        String etag = "\"coverage-" + matrix.dataVersion() + "-" + wanted + "-" + now.toString().substring(0, 10)
                + "\"";
        return Response.ok(CoverageChart.svg(family.family().name(), series))
                .tag(new jakarta.ws.rs.core.EntityTag(etag.replace("\"", "")))
                // the picture moves with the data version and the day (its last point is now)
                .header("Cache-Control", "public, max-age=60")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .build();
    }
}
