package dev.crossroads.api.rest;

import dev.crossroads.sync.SyncQueue;
import dev.crossroads.sync.WebhookService;
import dev.crossroads.sync.WebhookService.Decision;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * GitHub webhook deliveries: a signed push to a tracked file queues a sync of that language's affected sources. 202
 * means queued: it runs now, or when the sync under way ends. A replayed delivery is acknowledged with 200.
 */
@Path("/api/webhooks/github")
@Produces(MediaType.APPLICATION_JSON)
public class GitHubWebhookResource {

    private final WebhookService webhooks;
    private final SyncQueue queue;

    public GitHubWebhookResource(WebhookService webhooks, SyncQueue queue) {
        this.webhooks = webhooks;
        this.queue = queue;
    }

    /** Runs on the event loop: it only decides and queues; the sync runs on a context of its own. */
    @POST
    @NonBlocking
    @Consumes(MediaType.WILDCARD)
    public Response deliver(@HeaderParam("X-GitHub-Event") String event,
            @HeaderParam("X-GitHub-Delivery") String delivery,
            @HeaderParam("X-Hub-Signature-256") String signature, byte[] body) {
        if (!webhooks.enabled()) {
            return ErrorResponse.of(Response.Status.SERVICE_UNAVAILABLE,
                    "webhooks are disabled: set crossroads.github.webhook-secret");
        }
        Decision decision = webhooks.decide(event, delivery, signature, body == null ? new byte[0] : body);
        if (decision instanceof Decision.Ignore ignore) {
            return Response.ok(Map.of("status", ignore.reason())).build();
        }
        Decision.Sync wanted = (Decision.Sync) decision;
        // answer GitHub at once (it gives up after 10 s); the sync runs later and is recorded as a WEBHOOK run
        SyncQueue.Offer offer = queue.offer(wanted.request());
        return Response.accepted(Map.of(
                "status", offer.started() ? "sync started" : "sync queued",
                "language", wanted.request().language().orElse(""),
                "sources", wanted.request().sources().stream().map(Enum::name).sorted().toList(),
                "queued", offer.queued(),
                "alreadyQueued", offer.alreadyQueued())).build();
    }

    @ServerExceptionMapper
    Response rejected(WebhookService.Rejected e) {
        return ErrorResponse.of(e.unauthorized() ? Response.Status.UNAUTHORIZED : Response.Status.BAD_REQUEST,
                e.getMessage());
    }
}
