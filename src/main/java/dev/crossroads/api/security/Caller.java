package dev.crossroads.api.security;

/**
 * Who sent a request, as its {@code Authorization} header shows.
 *
 * @param refusal why presented credentials were not accepted (a {@link Kind#REJECTED} caller), else null
 */
public record Caller(Kind kind, String refusal) {

    public enum Kind {
        /** No credentials at all. */
        ANONYMOUS,
        /** Credentials that were presented and are not valid: wrong token, expired, another issuer, bad signature. */
        REJECTED,
        /** A valid JWT without the admin role: may read when reads need authentication, may not write. */
        AUTHENTICATED,
        /** The static admin token, or a valid JWT carrying the admin role. */
        ADMIN
    }

    static final Caller ANONYMOUS = new Caller(Kind.ANONYMOUS, null);
    static final Caller AUTHENTICATED = new Caller(Kind.AUTHENTICATED, null);
    static final Caller ADMIN = new Caller(Kind.ADMIN, null);

    static Caller rejected(String why) {
        return new Caller(Kind.REJECTED, why);
    }

    /** Valid credentials of any kind. */
    public boolean authenticated() {
        return kind == Kind.AUTHENTICATED || kind == Kind.ADMIN;
    }
}
