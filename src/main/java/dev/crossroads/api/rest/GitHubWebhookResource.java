package dev.crossroads.api.rest;

import dev.crossroads.sync.SyncBusyException;
import dev.crossroads.sync.SyncService;
import dev.crossroads.sync.WebhookService;
import dev.crossroads.sync.WebhookService.Decision;
import io.quarkus.logging.Log;
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

/** GitHub webhook deliveries: a signed push to a tracked file syncs that language's affected sources. */
@Path("/api/webhooks/github")
@Produces(MediaType.APPLICATION_JSON)
public class GitHubWebhookResource {

    private final WebhookService webhooks;
    private final SyncService sync;

    public GitHubWebhookResource(WebhookService webhooks, SyncService sync) {
        this.webhooks = webhooks;
        this.sync = sync;
    }

    /** Runs on the event loop: the sync it may start uses the reactive database session of this context. */
    @POST
    @NonBlocking
    @Consumes(MediaType.WILDCARD)
    public Response deliver(@HeaderParam("X-GitHub-Event") String event,
            @HeaderParam("X-Hub-Signature-256") String signature, byte[] body) {
        if (!webhooks.enabled()) {
            return ErrorResponse.of(Response.Status.SERVICE_UNAVAILABLE,
                    "webhooks are disabled: set crossroads.github.webhook-secret");
        }
        Decision decision = webhooks.decide(event, signature, body == null ? new byte[0] : body);
        if (decision instanceof Decision.Ignore ignore) {
            return Response.ok(Map.of("status", ignore.reason())).build();
        }
        Decision.Sync wanted = (Decision.Sync) decision;
        // answer GitHub at once (it gives up after 10 s); the sync runs on and is recorded as a WEBHOOK run
        sync.run(wanted.request()).subscribe().with(
                run -> Log.infof("Webhook sync run %d: %s", run.id, run.outcome),
                failure -> {
                    if (failure instanceof SyncBusyException) {
                        Log.infof("Webhook sync not started: %s", failure.getMessage());
                    } else {
                        Log.errorf(failure, "Webhook sync failed");
                    }
                });
        return Response.accepted(Map.of("status", "sync started",
                "language", wanted.request().language().orElse(""),
                "sources", wanted.request().sources().stream().map(Enum::name).sorted().toList())).build();
    }

    @ServerExceptionMapper
    Response rejected(WebhookService.Rejected e) {
        return ErrorResponse.of(e.unauthorized() ? Response.Status.UNAUTHORIZED : Response.Status.BAD_REQUEST,
                e.getMessage());
    }
}
