package dev.crossroads.sync;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Runs database work on a fresh duplicated Vert.x context. Hibernate Reactive keeps one session per context, and a
 * session must not be used by two operations at once; GraphQL resolves the root fields of one request side by
 * side on the same context, so each read takes a context, and so a session, of its own. The result is delivered back
 * on the caller's context, so whatever the caller does next stays on its own session.
 */
final class OwnSession {

    private OwnSession() {
    }

    static <T> Uni<T> run(Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context caller = Vertx.currentContext();
            Context context = VertxContext.createNewDuplicatedContext();
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> {
                try {
                    work.get().subscribe().with(
                            item -> deliverOn(caller, () -> emitter.complete(item)),
                            failure -> deliverOn(caller, () -> emitter.fail(failure)));
                } catch (RuntimeException e) {
                    deliverOn(caller, () -> emitter.fail(e));
                }
            });
        });
    }

    /** Runs {@code delivery} on {@code caller}'s context, or right here when there was none. */
    static void deliverOn(Context caller, Runnable delivery) {
        if (caller == null) {
            delivery.run();
        } else {
            caller.runOnContext(ignored -> delivery.run());
        }
    }
}
