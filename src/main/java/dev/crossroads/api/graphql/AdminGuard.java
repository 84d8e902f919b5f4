package dev.crossroads.api.graphql;

import dev.crossroads.api.security.Caller;
import dev.crossroads.api.security.Credentials;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import java.util.function.Supplier;

/**
 * Lets admin operations through for the static admin token or a JWT with the admin role ({@link Credentials}); every
 * other caller gets an error naming what is missing, before anything runs.
 */
@RequestScoped
class AdminGuard {

    private final Credentials credentials;
    private final RoutingContext request;

    AdminGuard(Credentials credentials, RoutingContext request) {
        this.credentials = credentials;
        this.request = request;
    }

    /** Runs {@code change} only for an admin; otherwise fails with ADMIN_DISABLED, UNAUTHORIZED or FORBIDDEN. */
    <T> Uni<T> then(Supplier<Uni<T>> change) {
        if (!credentials.adminEnabled()) {
            return Uni.createFrom().failure(new GraphQLErrors.AdminDisabled());
        }
        return credentials.identify(request).flatMap(caller -> {
            Exception refused = refusal(caller);
            return refused == null ? change.get() : Uni.createFrom().failure(refused);
        });
    }

    private Exception refusal(Caller caller) {
        return switch (caller.kind()) {
            case ADMIN -> null;
            case ANONYMOUS -> new GraphQLErrors.Unauthorized("admin operations need Authorization: Bearer <admin token"
                    + " or JWT>");
            case REJECTED -> new GraphQLErrors.Unauthorized(caller.refusal());
            case AUTHENTICATED -> new GraphQLErrors.Forbidden("admin operations need the role '"
                    + credentials.adminRole() + "' (crossroads.admin.role); the JWT's groups do not include it");
        };
    }
}
