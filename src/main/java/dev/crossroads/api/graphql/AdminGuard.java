package dev.crossroads.api.graphql;

import dev.crossroads.config.CrossroadsConfig;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** Checks {@code Authorization: Bearer <crossroads.admin.token>} on admin operations, in constant time. */
@RequestScoped
class AdminGuard {

    private final Optional<String> token;
    private final RoutingContext request;

    AdminGuard(CrossroadsConfig config, RoutingContext request) {
        this.token = config.admin().token().filter(t -> !t.isBlank());
        this.request = request;
    }

    void check() throws GraphQLErrors.AdminDisabled, GraphQLErrors.Unauthorized {
        if (token.isEmpty()) {
            throw new GraphQLErrors.AdminDisabled();
        }
        String header = request.request().getHeader("Authorization");
        String presented = header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : "";
        boolean matches = MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                token.get().getBytes(StandardCharsets.UTF_8));
        if (!matches) {
            throw new GraphQLErrors.Unauthorized("admin operations need Authorization: Bearer <admin token>");
        }
    }
}
