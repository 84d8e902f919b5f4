package dev.crossroads.api.graphql;

import jakarta.enterprise.context.RequestScoped;

/**
 * Counts parse previews within one GraphQL request: aliases would otherwise multiply one request's CPU (eight
 * aliases of a 50 KB page cost 9.5 s before previews had a budget), so a request may ask for one.
 */
@RequestScoped
class PreviewQuota {

    static final int PER_REQUEST = 1;

    private int used;

    /** Takes one preview of this request's quota; false when it is spent. */
    boolean take() {
        return ++used <= PER_REQUEST;
    }
}
