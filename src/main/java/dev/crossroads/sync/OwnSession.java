package dev.crossroads.sync;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import java.util.function.Supplier;

/**
 * Runs database work on a fresh duplicated Vert.x context. Hibernate Reactive keeps one session per context, and a
 * session must not be used by two operations at once; GraphQL resolves the root fields of one request side by
 * side on the same context, so each read takes a context, and so a session, of its own.
 */
final class OwnSession {

    private OwnSession() {
    }

    static <T> Uni<T> run(Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = VertxContext.createNewDuplicatedContext();
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> {
                try {
                    work.get().subscribe().with(emitter::complete, emitter::fail);
                } catch (RuntimeException e) {
                    emitter.fail(e);
                }
            });
        });
    }
}
