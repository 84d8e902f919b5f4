package dev.crossroads.api.security;

import dev.crossroads.config.CrossroadsConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Reads the {@code Authorization: Bearer} header: the static admin token ({@code crossroads.admin.token}, compared in
 * constant time) for small installs, or a JWT from an identity provider, verified offline by SmallRye JWT against
 * the configured key ({@code mp.jwt.verify.publickey.location}: a PEM file or the provider's JWKS URL) and issuer
 * ({@code mp.jwt.verify.issuer}). A JWT carrying {@code crossroads.admin.role} in its groups is an admin.
 *
 * <p>SmallRye JWT rather than Quarkus OIDC: with no key configured it stays inert, so the service starts with
 * neither setting (OIDC's default tenant insists on {@code quarkus.oidc.auth-server-url}, so it would need a second
 * switch), it needs no identity server at start-up, and it fetches a JWKS only when a token first needs it.
 * Verification runs here, not as a Quarkus authentication mechanism ({@code quarkus.http.auth.proactive=false}), so
 * the static token and a JWT share one header and each refusal can say why.
 */
@Startup
@ApplicationScoped
public class Credentials {

    /** Where SmallRye JWT may find a verification key; with none of them set, JWTs are not accepted. */
    private static final String[] KEY_SETTINGS = {"mp.jwt.verify.publickey.location", "mp.jwt.verify.publickey",
        "smallrye.jwt.verify.key.location"};
    private static final String CALLER = Credentials.class.getName() + ".caller";

    private final Optional<byte[]> adminToken;
    private final String adminRole;
    private final boolean jwtConfigured;
    private final Instance<JWTParser> parser;

    Credentials(CrossroadsConfig config, Config mpConfig, Instance<JWTParser> parser) {
        this.adminToken = config.admin().token().filter(t -> !t.isBlank())
                .map(t -> t.strip().getBytes(StandardCharsets.UTF_8));
        this.adminRole = config.admin().role();
        this.jwtConfigured = Stream.of(KEY_SETTINGS)
                .anyMatch(key -> mpConfig.getOptionalValue(key, String.class)
                        // NONE: SmallRye JWT's own word for "not set" (application.yaml, %dev and %test)
                        .filter(v -> !v.isBlank() && !v.equals("NONE")).isPresent());
        this.parser = parser;
        if (jwtConfigured && mpConfig.getOptionalValue("mp.jwt.verify.issuer", String.class).isEmpty()) {
            Log.warn("JWTs are accepted (mp.jwt.verify.publickey.location is set) from any issuer signing with that key:"
                    + " set mp.jwt.verify.issuer (env MP_JWT_VERIFY_ISSUER)");
        }
    }

    /** Whether anything can prove an admin: the static token or a JWT key. */
    public boolean adminEnabled() {
        return adminToken.isPresent() || jwtConfigured;
    }

    public String adminRole() {
        return adminRole;
    }

    /** Who sent this request; decided once per request, whoever asks first. */
    public Uni<Caller> identify(RoutingContext ctx) {
        Caller known = ctx.get(CALLER);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return identify(ctx.request().getHeader("Authorization")).invoke(caller -> ctx.put(CALLER, caller));
    }

    /**
     * Who the header says the caller is. A JWT is verified on a worker thread (a JWKS URL is fetched on first use and
     * then on its refresh interval), and the answer comes back on the caller's Vert.x context.
     */
    public Uni<Caller> identify(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Uni.createFrom().item(Caller.ANONYMOUS);
        }
        String[] parts = authorization.strip().split("\\s+", 2);
        if (parts.length < 2 || !parts[0].equalsIgnoreCase("Bearer")) {
            return Uni.createFrom().item(Caller.rejected("send credentials as Authorization: Bearer <token>"));
        }
        String token = parts[1].strip();
        if (adminToken.isPresent()
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), adminToken.get())) {
            return Uni.createFrom().item(Caller.ADMIN);
        }
        if (!jwtConfigured) {
            return Uni.createFrom().item(Caller.rejected("the bearer token is not the admin token"));
        }
        if (token.chars().filter(c -> c == '.').count() != 2) {
            return Uni.createFrom().item(Caller.rejected("the bearer token is neither the admin token nor a JWT"));
        }
        return VertxContextSupport.executeBlocking(() -> verify(token));
    }

    private Caller verify(String token) {
        JsonWebToken jwt;
        try {
            jwt = parser.get().parse(token);
        } catch (ParseException e) {
            if (keyUnavailable(e)) {
                // the operator's problem, not the caller's: an unreachable JWKS URL, an unreadable key file
                Log.warnf("No key to verify a JWT (mp.jwt.verify.publickey.location): %s", rootMessage(e));
                return Caller.rejected("the JWT is not accepted: the key to verify it could not be loaded");
            }
            String why = reason(e);
            Log.debugf("JWT refused: %s", why);
            return Caller.rejected("the JWT is not accepted: " + why);
        }
        return jwt.getGroups() != null && jwt.getGroups().contains(adminRole) ? Caller.ADMIN : Caller.AUTHENTICATED;
    }

    private static boolean keyUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvableKeyException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** What is wrong with the token, in words a client can act on; never the token itself. */
    private static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidJwtException invalid) {
                if (invalid.hasExpired()) {
                    return "it has expired";
                }
                if (invalid.hasErrorCode(ErrorCodes.ISSUER_INVALID) || invalid.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
                    return "it is not from the configured issuer";
                }
                if (invalid.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
                    return "its signature does not match the configured key";
                }
                if (invalid.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || invalid.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
                    return "it is not for the configured audience";
                }
                if (invalid.hasErrorCode(ErrorCodes.NOT_YET_VALID) || invalid.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)) {
                    return "it is not valid yet";
                }
            }
        }
        return "its signature, issuer or claims could not be verified";
    }
}
